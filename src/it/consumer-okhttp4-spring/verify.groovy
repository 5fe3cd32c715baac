// Both runs (class path, module path) made their call and found one OkHttp and one Okio jar
// (they exit non-zero otherwise): the application's OkHttp 4.12.0 and Kotlin 1.9.25, nothing of
// OkHttp 5.
def log = new File(basedir, 'build.log').text
for (mode in ['class-path', 'module-path']) {
  assert log.contains("consumer on the ${mode}: listed Room A")
  assert log.contains("consumer on the ${mode}: okhttp=okhttp-4.12.0.jar okio=okio-jvm-3.7.0.jar")
  assert log.contains("consumer on the ${mode}: kotlin=[kotlin-stdlib-1.9.25.jar]")
}
assert !log.contains('okhttp-jvm') : 'no OkHttp 5 on the path'
return true
