package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a message pings, worked out as Discord does: the mentions written in the content, filtered by
 * {@code allowed_mentions}; without {@code allowed_mentions} everything written pings.
 */
record Mentions(boolean everyone, List<Long> userIds, List<Long> roleIds) {

    private static final Pattern USER = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");

    static Mentions resolve(String content, JsonNode allowedMentions) {
        boolean unrestricted = allowedMentions == null || !allowedMentions.isObject();
        Set<String> parse = new HashSet<>();
        Set<Long> allowedUsers = new HashSet<>();
        Set<Long> allowedRoles = new HashSet<>();
        if (!unrestricted) {
            allowedMentions.path("parse").forEach(p -> parse.add(p.asText()));
            allowedMentions.path("users").forEach(u -> allowedUsers.add(Json.snowflake(u)));
            allowedMentions.path("roles").forEach(r -> allowedRoles.add(Json.snowflake(r)));
        }
        List<Long> users = new ArrayList<>();
        for (long id : ids(USER, content)) {
            if (unrestricted || parse.contains("users") || allowedUsers.contains(id)) {
                users.add(id);
            }
        }
        List<Long> roles = new ArrayList<>();
        for (long id : ids(ROLE, content)) {
            if (unrestricted || parse.contains("roles") || allowedRoles.contains(id)) {
                roles.add(id);
            }
        }
        boolean everyone = (content.contains("@everyone") || content.contains("@here"))
                && (unrestricted || parse.contains("everyone"));
        return new Mentions(everyone, List.copyOf(users), List.copyOf(roles));
    }

    private static Set<Long> ids(Pattern pattern, String content) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(content);
        while (matcher.find()) {
            ids.add(Long.parseUnsignedLong(matcher.group(1)));
        }
        return ids;
    }
}
