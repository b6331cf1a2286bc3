/**
 * The ND4J tensor backend, registered as {@code nd4j}: the same networks as the plain backend, on ND4J's native
 * kernels and OpenBLAS (linux-x86_64). Only {@link dev.chainrule.backend.nd4j.Nd4jBackend} is public; choose it
 * with {@code Chainrule.create("nd4j")}, {@code -Dchainrule.backend=nd4j} or {@code CHAINRULE_BACKEND=nd4j}, or let
 * the automatic choice take it when its natives load.
 */
package dev.chainrule.backend.nd4j;
