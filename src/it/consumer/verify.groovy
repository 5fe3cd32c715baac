// After the consumer's build: both runs passed their own checks (they exit 1 otherwise), and the
// POM that the consumer resolved is the consumer POM: dependencies only, no build profiles.
def log = new File(basedir, 'build.log').text
assert log.contains('consumer on the class-path: listed Room A,Room B')
assert log.contains('consumer on the module-path: listed Room A,Room B')
// An application with no OkHttp of its own gets the one the SDK asks for, and one Okio.
assert log.contains('consumer on the class-path: okhttp=okhttp-4.12.0.jar okio=okio-jvm-3.7.0.jar')
assert log.contains('consumer on the module-path: okhttp=okhttp-4.12.0.jar okio=okio-jvm-3.7.0.jar')

def sdk = new File(localRepositoryPath, 'io/github/yeastarsdk/yeastar-conference-sdk')
def poms = []
sdk.eachFileRecurse { if (it.name.endsWith('.pom')) poms << it }
assert poms.size() == 1 : "one installed POM, found ${poms}"
def pom = new groovy.xml.XmlSlurper().parse(poms[0])
assert pom.profiles.size() == 0 || pom.profiles.profile.size() == 0 : 'no build profiles'
assert pom.build.size() == 0 : 'no build section'
def deps = pom.dependencies.dependency.collect { "${it.groupId}:${it.artifactId}:${it.scope}" as String }
assert deps.contains('com.squareup.okhttp3:okhttp:compile') : deps
assert !deps.any { it.startsWith('com.squareup.okio:') || it.contains('okhttp-jvm') } :
    "OkHttp's own POM brings Okio; okhttp-jvm would bypass the application's OkHttp: ${deps}"
assert deps.contains('org.jspecify:jspecify:compile') : deps
assert !deps.any { it.startsWith('commons-cli') } : "commons-cli is the tool's, not the SDK's: ${deps}"
assert !deps.any { it.endsWith(':test') } : deps
assert !pom.text().contains('${') : 'every property resolved'
assert pom.licenses.license.name.text() == 'Apache-2.0'
assert pom.scm.url.text() && pom.developers.developer.size() > 0 && pom.url.text()
return true
