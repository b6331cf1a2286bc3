/**
 * Deliberately wrong classes, as a new module that nobody named would hold them: the architecture rules must refuse
 * each one ({@code dev.chainrule.quality.ArchitectureRulesTest}). Test classes, so never part of the real check.
 */
package dev.chainrule.fixtureplugin;
