// Both runs (class path, module path) made their call and found one OkHttp and one Okio jar
// (they exit non-zero otherwise): the application's OkHttp 5.5.1 and its Okio, nothing of 4.12.
def log = new File(basedir, 'build.log').text
for (mode in ['class-path', 'module-path']) {
  assert log.contains("consumer on the ${mode}: listed Room A")
  assert log.contains("consumer on the ${mode}: okhttp=okhttp-jvm-5.5.1.jar okio=okio-jvm-3.18.1.jar")
}
assert !log.contains('okhttp-4.12.0') : 'no OkHttp 4 on the path'
return true
