#!/usr/bin/env bash
# Builds the libFuzzer targets (test/Fuzz) in the sanitizer build and runs
# each for a bounded time, starting from seeds collected from the tests.
# Prints one line per target (executions, coverage) and fails when any
# target finds something: a crash, a failed assertion, a sanitizer report,
# a timeout or running out of memory. The last line is `N passed, N failed`
# over the targets.
#
#   scripts/fuzz.sh [SECONDS]     SECONDS per target (default 60)
#   SQZ_FUZZ_TARGETS="npy stats"  run only these (default: all three)
#   SQZ_SANITIZE_BUILD_DIR=dir    build somewhere other than ./build-sanitize
#
# Everything goes under <build>/fuzz: seeds/<target> (remade each run),
# corpus/<target> (what the fuzzer found interesting, kept between runs),
# artifacts/<target> (the inputs of findings), <target>.log.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
targets=${SQZ_FUZZ_TARGETS:-npy stats sqz-dialect}
build=${SQZ_SANITIZE_BUILD_DIR:-$root/build-sanitize}
case "$seconds" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;;
esac

"$root/scripts/setup.sh" --sanitize
ninja -C "$build" --quiet sqz-fuzzers

fuzz=$build/fuzz
/usr/bin/python3 "$root/scripts/fuzz-seeds.py" "$root" "$fuzz/seeds" "$build/test"

# As in scripts/test.sh --sanitize (see there); libFuzzer saves the input
# of every report.
symbolizer=/usr/lib/llvm-22/bin/llvm-symbolizer
export ASAN_OPTIONS=allow_user_poisoning=0:detect_leaks=0:external_symbolizer_path=$symbolizer
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:external_symbolizer_path=$symbolizer

# Whether the report of `input` passes through our code: a frame in lib/,
# include/ or tools/ between the report and the fuzz target's entry. A crash
# wholly inside libMLIR (an upstream parser bug on malformed text, say) is
# not ours and does not fail the run; it is listed.
ours() {
  local report
  report=$(replay "$1" "$2")
  sed '/LLVMFuzzerTestOneInput/q' <<<"$report" |
    grep -E "$root/(lib|include|tools)/" >/dev/null
}

# Runs target $1 once on input $2, printing its report.
replay() {
  "$1" -timeout=30 -rss_limit_mb=2048 "$2" 2>&1 || true
}

status=0
passed=0
failed=0
summary=()
for target in $targets; do
  bin=$build/bin/sqz-fuzz-$target
  corpus=$fuzz/corpus/$target
  artifacts=$fuzz/artifacts/$target
  log=$fuzz/$target.log
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $target for ${seconds}s"
  # -fork=1 -ignore_crashes=1: fuzz in a child process and go on after a
  # crash, so that one upstream crash does not end the run; a timeout or
  # running out of memory leaves its input too, and fails the run.
  rc=0
  "$bin" -fork=1 -ignore_crashes=1 -max_total_time="$seconds" -timeout=30 \
    -rss_limit_mb=2048 -artifact_prefix="$artifacts/" \
    "$corpus" "$fuzz/seeds/$target" >"$log" 2>&1 || rc=$?
  last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1)
  runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' <<<"$last" || true)
  findings=0
  upstream=0
  for input in "$artifacts"/*; do
    [ -f "$input" ] || continue
    if [[ $(basename "$input") == crash-* ]] && ! ours "$bin" "$input"; then
      upstream=$((upstream + 1))
      echo "fuzz: $target: upstream crash (not in our code): $input"
    else
      findings=$((findings + 1))
      echo "fuzz: $target: FINDING $input; its report:"
      replay "$bin" "$input" | tail -n 60
    fi
  done
  # In fork mode libFuzzer exits with its last job's code, which is a
  # crash's when that job ended on an ignored (upstream) crash; so a
  # non-zero exit fails the run only when no such crash explains it.
  if [ $findings -eq 0 ] && [ -n "$runs" ] &&
    { [ $rc -eq 0 ] || [ $upstream -gt 0 ]; }; then
    result=ok
    passed=$((passed + 1))
  else
    result="FAILED (exit $rc, $findings findings, log $log)"
    status=1
    failed=$((failed + 1))
  fi
  [ $upstream -eq 0 ] || result+=" ($upstream upstream crashes)"
  summary+=("$(printf '%-12s %10s executions  %-20s %s' "$target" \
    "${runs:-?}" "${cov:-cov: ?}" "$result")")
done

printf '%s\n' "${summary[@]}"
if [ $status -ne 0 ]; then
  echo "fuzz: findings; inputs under $fuzz/artifacts"
fi
# Like scripts/test.sh: the last line counts the targets.
echo "$passed passed, $failed failed"
exit $status
