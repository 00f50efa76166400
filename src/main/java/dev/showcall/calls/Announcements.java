package dev.showcall.calls;

/** Keys of the announcements made once per department, and once per model wave, in the calls channel. */
public final class Announcements {

    public static final String DEPARTMENT = "department:";
    public static final String WAVE = "wave:";

    private Announcements() {
    }

    public static String department(String departmentId) {
        return DEPARTMENT + departmentId;
    }

    public static String wave(int number) {
        return WAVE + number;
    }
}
