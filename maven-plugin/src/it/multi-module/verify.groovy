import groovy.json.JsonSlurper

// Each service module secures itself (its own SecurityConfig: authentication for every request).
// Deliberate findings: exactly one, permissive-cors HIGH on module-a's CatalogController (@CrossOrigin(origins = "*"),
// no credentials); module-b has none; module-c has no Java sources and the parent is a pom: both are skipped.

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.contains('[INFO] apisec: skipping multi-module-parent: packaging pom has no Java sources')
assert log.contains('[INFO] apisec: skipping module-c: no Java sources')
assert !new File(basedir, 'target/apisec.sarif').exists()
assert !new File(basedir, 'module-c/target/apisec.sarif').exists()

def slurper = new JsonSlurper()
def a = slurper.parse(new File(basedir, 'module-a/target/apisec.sarif')).runs[0]
assert a.automationDetails.id == 'apisec/module-a/'
assert a.results*.ruleId == ['permissive-cors'] : 'only the deliberate finding in module-a, got: ' +
        a.results.collect { "${it.ruleId} ${it.properties?.severity}: ${it.message.text}" }
assert a.results[0].properties.severity == 'HIGH'
// relative to the repository root (the directory holding .git), so GitHub can place it
assert a.results[0].locations[0].physicalLocation.artifactLocation.uri == 'module-a/src/main/java/com/example/a/CatalogController.java'
assert a.originalUriBaseIds.'%SRCROOT%'.uri.endsWith('/multi-module/')

def b = slurper.parse(new File(basedir, 'module-b/target/apisec.sarif')).runs[0]
assert b.automationDetails.id == 'apisec/module-b/'
assert b.results.isEmpty() : 'module-b is secure, got: ' + b.results.collect { "${it.ruleId}: ${it.message.text}" }
// each module gets its own inventory
def bInventory = slurper.parse(new File(basedir, 'module-b/target/apisec/endpoints.json'))
assert bInventory.endpoints*.path == ['/status']
assert bInventory.endpoints[0].access.level == 'AUTHENTICATED'
assert bInventory.endpoints[0].access.evidence[0].location.file == 'module-b/src/main/java/com/example/b/SecurityConfig.java'

// the HIGH finding is printed as an error line but does not fail the build (threshold CRITICAL)
assert log.contains('[ERROR] module-a/src/main/java/com/example/a/CatalogController.java:[')
assert log.contains('[INFO] apisec: SARIF report: module-a/target/apisec.sarif')
assert log.contains('[INFO] apisec: SARIF report: module-b/target/apisec.sarif')
return true
