# Sourced by bench/run.sh and bench/profile.sh (from the repository root): the reference server as both start it.
# REF_CMD: the README's run command ("... && java FLAGS -jar server-stub/target/ha-reference-server.jar"), its JVM
# flags read from the README itself, so that the bench measures what users run.
JAR=server-stub/target/ha-reference-server.jar
README_RUN=$(grep -m1 -E "&& java .*-jar $JAR\$" README.md | sed 's/.*&& //')
[ -n "$README_RUN" ] || { echo "no run command for $JAR found in README.md" >&2; exit 1; }
read -r -a JVM_FLAGS <<< "$(echo "$README_RUN" | sed -E "s/^java (.*)-jar .*/\1/; s/^java -jar .*//")"
REF_CMD=(java "${JVM_FLAGS[@]}" -jar "$JAR")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# The world both mixes expect: the documented scenario (its group and token), with transitions made immediate, so
# that each restart of the read mix is accepted.
prepare_reference() { # port
  curl -sf -X POST -H 'Content-Type: application/json' -d '{"scenario": "documented"}' "http://127.0.0.1:$1/_emulator/reset" > /dev/null
  curl -sf -X PUT -H 'Content-Type: application/json' -d '{"profile": "immediate"}' "http://127.0.0.1:$1/_emulator/durations" > /dev/null
}
