/**
 * The plan changed while the show runs: a new version of a show file is validated, its changes shown, and
 * once a producer applies it the show is reloaded without a restart, with only the changed pings moved and
 * the people whose call moved told. What happened on the day is never touched.
 */
package dev.showcall.replan;
