/**
 * The day's work on models and looks: steps, replacements and looks walking, each stored with its
 * timeline event in one transaction. The rules themselves are in {@link dev.showcall.backstage.Lineup}.
 */
package dev.showcall.looks;
