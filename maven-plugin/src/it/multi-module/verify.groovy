import groovy.json.JsonSlurper

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
assert a.results.size() == 1
assert a.results[0].ruleId == 'permissive-cors'
// relative to the repository root (the directory holding .git), so GitHub can place it
assert a.results[0].locations[0].physicalLocation.artifactLocation.uri == 'module-a/src/main/java/com/example/a/CatalogController.java'
assert a.originalUriBaseIds.'%SRCROOT%'.uri.endsWith('/multi-module/')

def b = slurper.parse(new File(basedir, 'module-b/target/apisec.sarif')).runs[0]
assert b.automationDetails.id == 'apisec/module-b/'
assert b.results.isEmpty()

// the HIGH finding is printed as an error line but does not fail the build (threshold CRITICAL)
assert log.contains('[ERROR] module-a/src/main/java/com/example/a/CatalogController.java:[')
assert log.contains('[INFO] apisec: SARIF report: module-a/target/apisec.sarif')
assert log.contains('[INFO] apisec: SARIF report: module-b/target/apisec.sarif')
return true
