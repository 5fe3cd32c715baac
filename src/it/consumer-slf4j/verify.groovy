// The SDK's HTTP log reached SLF4J: slf4j-simple's "INFO <logger> - <message>" format, one record
// per call (the request line, and the answer on the record's second line), the token masked.
def log = new File(basedir, 'build.log').text
assert log.contains('consumer with slf4j: two calls made')
def records = log.readLines().findAll { it.contains('INFO io.github.yeastarsdk - --> GET ') }
assert records.size() == 2 : "one SLF4J record per exchange, found ${records}"
assert records.every { it.contains('access_token=██') }
assert log.readLines().findAll { it.startsWith('<-- 200 ') }.size() == 2
assert !log.contains('consumer-secret-token')
return true
