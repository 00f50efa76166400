package dev.showcall.calls;

/** Keys of the announcements made once per department, and once per model wave, in the calls channel. */
public final class Announcements {

    public static final String DEPARTMENT = "department:";
    public static final String WAVE = "wave:";
    /** Not in the calls channel: a milestone of the show's day, told on the timeline when it comes. */
    public static final String MILESTONE = "milestone:";

    private Announcements() {
    }

    public static String department(String departmentId) {
        return DEPARTMENT + departmentId;
    }

    public static String wave(int number) {
        return WAVE + number;
    }

    /** The {@code occurrence}-th milestone of that name (from 1): names are not required to be unique. */
    public static String milestone(String name, int occurrence) {
        return MILESTONE + name + (occurrence == 1 ? "" : "#" + occurrence);
    }
}
