package io.mathsketch.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The JMH settings the in-process benchmarks share, in one place (JMH's annotations are inherited): average time per
 * call in microseconds, one fork (headless: some draw their inputs with Java2D), 4 × 2 s of warm-up and 5 × 2 s
 * measured, one state per benchmark. {@code scripts/bench-jmh.sh} arguments (e.g. {@code -wi 10 -i 8}) override them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class JmhSettings {
}
