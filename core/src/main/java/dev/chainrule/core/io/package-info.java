/**
 * Reading and writing models: {@link dev.chainrule.core.io.ModelFile} saves a network's architecture, plugin specs
 * and every parameter in one versioned, checksummed file, and loads it on any backend.
 */
package dev.chainrule.core.io;
