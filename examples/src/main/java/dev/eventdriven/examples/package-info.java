/**
 * Runnable examples. Each has a {@code main} and a {@code run(PrintStream)} used by its test; {@link
 * dev.eventdriven.examples.Main} runs them all.
 */
package dev.eventdriven.examples;
