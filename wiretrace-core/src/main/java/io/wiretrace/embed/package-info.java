/**
 * Sentence embeddings: quantized all-MiniLM-L6-v2 (weights inside its Maven artifact, run by ONNX
 * Runtime on the CPU), used where lexical evidence cannot decide, i.e. paraphrased and translated
 * copies. Takes sentences; emits unit vectors, cached by content hash; counts model calls. Nothing is
 * downloaded and no telemetry leaves the machine: ONNX Runtime's and DJL's are switched off in code
 * before either library loads (and by {@code ORT_DISABLE_TELEMETRY=1}, {@code OPT_OUT_TRACKING=true}
 * in the launcher, CI and Surefire).
 */
package io.wiretrace.embed;
