def log = new File(basedir, 'build.log').text
assert log.contains("apisec: invalid value 'SEVERE' for parameter failOnSeverity (apisec.failOnSeverity); allowed: CRITICAL, HIGH, MEDIUM, LOW, INFO, NONE")
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace'
assert !new File(basedir, 'target/apisec.sarif').exists()
return true
