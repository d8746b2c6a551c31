/**
 * JSON text read from request bodies and stored ink: a streaming JSON-P parser over UTF-8 bytes that reads numbers
 * straight from them. Beside the value types at the bottom of the engine: nothing here imports another engine package.
 */
package io.mathsketch.engine.json;
