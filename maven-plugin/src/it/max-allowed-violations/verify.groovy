import groovy.json.JsonSlurper

def sarif = new JsonSlurper().parse(new File(basedir, 'target/apisec.sarif'))
assert sarif.runs[0].results*.ruleId == ['permissive-cors', 'permissive-cors']
// AccountController (CRITICAL) sorts before CatalogController (HIGH)
assert sarif.runs[0].results*.locations*.physicalLocation*.artifactLocation*.uri.flatten()
        .collect { it.substring(it.lastIndexOf('/') + 1) } == ['AccountController.java', 'CatalogController.java']

def log = new File(basedir, 'build.log').text
// first build: 2 findings at or above HIGH, 2 allowed -> success; second: 1 allowed -> failure
assert log.contains('BUILD SUCCESS')
assert log.contains('apisec: 2 findings at or above HIGH (threshold HIGH, 1 allowed by maxAllowedViolations); see target/apisec.sarif')
assert log.contains('BUILD FAILURE')
return true
