/**
 * W7 plumbing: fleets of idle controllers (one kind each) and of idle Pekko typed actors, and the
 * heap measurement.
 */
package dev.eventdriven.bench.idle;
