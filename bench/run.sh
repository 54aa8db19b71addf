#!/usr/bin/env bash
# bench/run.sh: build wizards of N nodes with `wizard build` and with Hugo,
# side by side, and print a table of medians: wall time, CPU time
# (user + system) and peak RSS of the whole process, and their ratio to Hugo.
#
#   bench/run.sh                          all sizes: 26 (the eGov site), 1000, 10000, 100000
#   SIZES="26 1000" RUNS=3 bench/run.sh   fewer sizes and runs
#   HUGO=none bench/run.sh                without Hugo
#   WIZARD=/tmp/wizard-old bench/run.sh   another wizard binary (to compare before and after)
#
# Environment:
#   SIZES   the node counts to build; 26 is the repository's own content/ and site.yaml (in
#           Dutch and French: its Hugo twin builds the Dutch pages alone, half as many),
#           any other number a synthetic wizard from bench/synth (default "26 1000 10000 100000")
#   RUNS    runs per size and tool (default 5, and 3 for 100000 nodes and more)
#   HUGO    the hugo binary (default: hugo on the PATH, skipped with a note when there is none;
#           Debian's package is 0.111), or "none"
#   WIZARD  the wizard binary (default: built once from this checkout with go build -o)
#   WORK    the folder for the sites and outputs (default: a new temporary folder, removed after)
#
# Each run builds into an emptied output folder; writing the sites is not timed. Hugo
# builds with --minify, since wizard build minifies too. The ratio columns are
# wizard / Hugo: 0.10 is a tenth of Hugo's time or memory. Measured by bench/measure
# (built here): wall time to the tenth of a millisecond, CPU time (user + system)
# and peak RSS of the whole process, from the kernel's accounting.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${SIZES:-"26 1000 10000 100000"}

if [[ -n ${WORK:-} ]]; then
	work=$WORK
	mkdir -p "$work"
else
	work=$(mktemp -d -t wizard-bench.XXXXXX)
	trap 'rm -rf "$work"' EXIT
fi

wizard=${WIZARD:-}
if [[ -z $wizard ]]; then
	wizard=$work/wizard
	(cd "$root" && go build -o "$wizard" ./cmd/wizard)
fi
synth=$work/synth meter=$work/measure
(cd "$root" && go build -o "$synth" ./bench/synth/cmd/synth && go build -o "$meter" ./bench/measure)

hugo=${HUGO:-$(command -v hugo || true)}
[[ $hugo == none ]] && hugo=
if [[ -z $hugo ]]; then
	echo "note: no hugo on the PATH (apt-get install hugo): Hugo is skipped" >&2
fi

# runs N: how many times to build a wizard of N nodes.
runs() {
	if [[ -n ${RUNS:-} ]]; then echo "$RUNS"
	elif (($1 >= 100000)); then echo 3
	else echo 5; fi
}

# median: the median of the numbers on standard input, one a line.
median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# site N: write the two sites of N nodes, wizard/ and hugo/, into $work/N.
site() {
	local n=$1 dir=$work/$1
	[[ -d $dir/wizard && -d $dir/hugo ]] && return
	rm -rf "$dir"
	mkdir -p "$dir/wizard"
	if ((n == 26)); then
		cp -r "$root/content" "$root/site.yaml" "$dir/wizard/"
		"$synth" -from "$dir/wizard" -out "$dir/hugo"
	else
		"$synth" -n "$n" -out "$dir/wizard"
		"$synth" -n "$n" -format hugo -out "$dir/hugo"
	fi
}

# measure N TOOL: build N nodes with TOOL (wizard or hugo) RUNS times; each
# run appends "wall user sys maxrss_kb" to $work/N/TOOL.times.
measure() {
	local n=$1 tool=$2 dir=$work/$1 i
	local out=$dir/$tool.out times=$dir/$tool.times
	: >"$times"
	for ((i = 1; i <= $(runs "$n"); i++)); do
		rm -rf "$out" "$dir/hugo/resources" "$dir/hugo/.hugo_build.lock"
		local cmd
		if [[ $tool == wizard ]]; then
			cmd=("$wizard" build --source "$dir/wizard" --out "$out")
		else
			cmd=("$hugo" --source "$dir/hugo" --destination "$out" --minify --quiet)
		fi
		if ! "$meter" -o "$times" -- "${cmd[@]}" >"$dir/$tool.log" 2>&1; then
			echo "bench: $tool failed on $n nodes:" >&2
			cat "$dir/$tool.log" >&2
			return 1
		fi
		echo "bench: $n nodes, $tool, run $i: wall user sys KB $(tail -n 1 "$times"), load $(cut -d " " -f 1 /proc/loadavg)" >&2
	done
	find "$out" -name '*.html' | wc -l >"$dir/$tool.pages"
}

# stats N TOOL: "pages wall cpu rss_mb", medians of the runs.
stats() {
	local f=$work/$1/$2.times
	printf '%s %.4f %.3f %.1f\n' "$(cat "$work/$1/$2.pages")" \
		"$(awk '{ print $1 }' "$f" | median)" \
		"$(awk '{ print $2 + $3 }' "$f" | median)" \
		"$(awk '{ print $4 / 1024 }' "$f" | median)"
}

echo "wizard: $("$wizard" version 2>/dev/null | head -n 1 || echo "$wizard")"
[[ -n $hugo ]] && echo "hugo:   $("$hugo" version)"
echo "machine: $(nproc) cores, $(uname -sr), load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
fmt='%7s  %-6s %4s %7s %9s %9s %9s %9s %9s %9s\n'
# The table is printed a size at a time, so long runs show figures early.
printf "$fmt" N tool runs pages "wall s" "cpu s" "rss MB" "wall/hugo" "cpu/hugo" "rss/hugo"
for n in $sizes; do
	echo "bench: writing the sites of $n nodes (not timed)" >&2
	site "$n"
	measure "$n" wizard
	read -r wp ww wc wr <<<"$(stats "$n" wizard)"
	if [[ -n $hugo ]]; then
		measure "$n" hugo
		read -r hp hw hc hr <<<"$(stats "$n" hugo)"
		printf "$fmt" "$n" wizard "$(runs "$n")" "$wp" "$ww" "$wc" "$wr" \
			"$(awk -v a="$ww" -v b="$hw" 'BEGIN { printf "%.3f", a / b }')" \
			"$(awk -v a="$wc" -v b="$hc" 'BEGIN { printf "%.3f", a / b }')" \
			"$(awk -v a="$wr" -v b="$hr" 'BEGIN { printf "%.3f", a / b }')"
		printf "$fmt" "$n" hugo "$(runs "$n")" "$hp" "$hw" "$hc" "$hr" - - -
	else
		printf "$fmt" "$n" wizard "$(runs "$n")" "$wp" "$ww" "$wc" "$wr" - - -
	fi
	rm -rf "$work/$n/wizard.out" "$work/$n/hugo.out"
done
echo
echo "medians of the runs; cpu = user + system; pages = .html files written;"
echo "load average at the end $(cut -d ' ' -f 1-3 /proc/loadavg): on a busy machine wall time"
echo "includes waiting for a core, so compare cpu first"
