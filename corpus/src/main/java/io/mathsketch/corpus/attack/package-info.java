/**
 * The attack corpus of issue 12: requests built to exhaust a recognition server's memory, CPU or parser (specks,
 * giant blobs, maximum-size images in every mode, deeply nested and huge JSON, base64 at and over the size limit,
 * multipart with thousands of parts, unknown methods, bogus content types, malformed HTTP, digital ink whose drawing
 * costs more than its size says), generated
 * deterministically in code ({@link io.mathsketch.corpus.attack.AttackCorpus}), and a sender that fires them at a
 * server at a fixed concurrency for a bounded time and checks every answer ({@link io.mathsketch.corpus.attack.AttackRun}).
 * The server module's {@code AttackCorpusTest} and the benchmarks' resilience driver ({@code scripts/resilience.sh})
 * both use them.
 */
package io.mathsketch.corpus.attack;
