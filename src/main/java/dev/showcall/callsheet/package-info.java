/**
 * The call sheet sent ahead of the day: each person's line as a DM tells it, which of its parts a new plan
 * changed, the versions that make each update a ping of its own, and where each person stands with it (received,
 * got it, DMs closed, not linked). Pure Java: the sends themselves are {@code calls.CallSheets}.
 */
package dev.showcall.callsheet;
