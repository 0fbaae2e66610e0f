package com.zylker.portal.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TokenStoreBenchmark} at 1 and 8 threads and {@link TokenCipherBenchmark} once, then prints
 * ops/s and the ratios jpa/floor and jpa/baseline per operation and thread count (also written to
 * the file named by {@code -Dbench.summary}). JMH options from the command line apply to every run, e.g.
 * {@code -f 1 -wi 3 -i 5 -w 2s -r 2s}. Entry point of the {@code bench} Maven profile.
 */
public final class TokenStoreBenchmarkMain {

    private TokenStoreBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Map<String, Double> score = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (int threads : new int[] {1, 8}) {
            ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                    .include(TokenStoreBenchmark.class.getName() + "\\.").threads(threads);
            for (RunResult r : new Runner(options.build()).run()) {
                score.put(r.getParams().getBenchmark().replaceAll(".*\\.", "") + "|" + r.getParams().getParam("store")
                        + "|" + threads, r.getPrimaryResult().getScore());
            }
        }
        Collection<RunResult> crypto = new Runner(new OptionsBuilder().parent(cli)
                .include(TokenCipherBenchmark.class.getName() + "\\.").threads(1).build()).run();

        lines.add("Token store benchmark, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, MariaDB (ops/s, higher is better)");
        lines.add("");
        lines.add("| operation | threads | jpa | floor | baseline | jpa/floor | jpa/baseline | floor-tx | jpa/floor-tx |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String op : new String[] {"findTokenByUser", "saveTokenExistingUser", "findTokenById"}) {
            for (int threads : new int[] {1, 8}) {
                double jpa = score.getOrDefault(op + "|jpa|" + threads, Double.NaN);
                double floor = score.getOrDefault(op + "|floor|" + threads, Double.NaN);
                double baseline = score.getOrDefault(op + "|baseline|" + threads, Double.NaN);
                double floorTx = score.getOrDefault(op + "|floor-tx|" + threads, Double.NaN);
                lines.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %.2f |",
                        op, threads, jpa, floor, baseline, jpa / floor, jpa / baseline, floorTx, jpa / floorTx));
            }
        }
        lines.add("");
        for (RunResult r : crypto) {
            lines.add(String.format(Locale.ROOT, "crypto only, %s: %.0f ops/s (%.1f us/op)",
                    r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore(),
                    1e6 / r.getPrimaryResult().getScore()));
        }
        lines.forEach(System.out::println);
        Path out = Path.of(System.getProperty("bench.summary", "target/bench-summary.md"));
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
