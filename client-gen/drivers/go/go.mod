// The Go driver of the client matrix: the client from the build, and its one dependency from Debian's
// golang-gopkg-validator.v2-dev (the Go module proxy is out of reach here), both by directory.
module hakit.io/driver

go 1.23

require github.com/hakit/ha-client-go v0.0.0

require gopkg.in/validator.v2 v2.0.1 // indirect

replace github.com/hakit/ha-client-go => ../../target/clients/go

replace gopkg.in/validator.v2 => ../../target/go-deps/validator.v2
