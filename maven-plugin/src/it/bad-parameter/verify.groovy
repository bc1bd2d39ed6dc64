// The parameter is checked before any analysis: the sources (flawed or not) do not matter, the build fails on the
// invalid failOnSeverity with a one-line message and writes nothing.
def log = new File(basedir, 'build.log').text
assert log.contains("apisec: invalid value 'SEVERE' for parameter failOnSeverity (apisec.failOnSeverity); allowed: CRITICAL, HIGH, MEDIUM, LOW, INFO, NONE")
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace'
assert !new File(basedir, 'target/apisec.sarif').exists()
return true
