package dev.showcall.show;

/** A fixed moment of the show's day: briefing, rehearsal, phones-away lockdown, finale... */
public record Milestone(String name, TimeSpec at) {
}
