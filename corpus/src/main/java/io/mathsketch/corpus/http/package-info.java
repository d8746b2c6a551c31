/**
 * A bare HTTP/1.1 client over a socket, for the tools that send what a well-behaved client library would not send, or
 * send it with less overhead than one: the attack corpus ({@code corpus.attack}) and the load generators of the
 * benchmarks. Not for the service's own use.
 */
package io.mathsketch.corpus.http;
