package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.DomainRejection;
import java.util.regex.Pattern;

/**
 * The shapes of what names a file on the Hub: a repository ({@code owner/name}), a revision
 * (branch, tag or commit), a commit id and a file's path inside the repository. Each becomes part
 * of a local path, so anything that could climb out of the download directory ({@code ..},
 * absolute paths, backslashes, empty segments) is refused here, whoever sent it — an admin or a
 * Hub answer.
 */
public final class HubCoordinates {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+=@-]{0,199}");
    static final int MAX_PATH_LENGTH = 500;

    private HubCoordinates() {
    }

    /** {@code name} or {@code owner/name}, each part starting with a letter or digit, never {@code ..}. */
    public static String repo(String field, String value) {
        String repo = required(field, value);
        String[] parts = repo.split("/", -1);
        boolean shaped = parts.length <= 2;
        for (String part : parts) {
            shaped &= SEGMENT.matcher(part).matches() && !part.contains("..");
        }
        if (!shaped) {
            throw DomainRejection.invalid(field, "hub-repo",
                    field + " must be name or owner/name of letters, digits, '.', '-' and '_' (no '..')");
        }
        return repo;
    }

    /** A branch, tag or commit without '/': it names a directory of its own. */
    public static String revision(String field, String value) {
        String revision = required(field, value);
        if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
            throw DomainRejection.invalid(field, "hub-revision",
                    field + " must be 1-100 letters, digits, '.', '-' and '_' (no '/', no '..')");
        }
        return revision;
    }

    /** The commit a revision resolved to: 40 lower-case hex digits. */
    public static String commit(String field, String value) {
        String commit = required(field, value);
        if (!COMMIT.matcher(commit).matches()) {
            throw DomainRejection.invalid(field, "hub-commit", field + " must be a commit id of 40 lower-case hex digits");
        }
        return commit;
    }

    /** A relative path of segments that start with a letter, digit or '_' (so never '.' or '..'). */
    public static String filePath(String field, String value) {
        String path = required(field, value);
        boolean shaped = path.length() <= MAX_PATH_LENGTH && !path.startsWith("/");
        for (String segment : path.split("/", -1)) {
            shaped &= PATH_SEGMENT.matcher(segment).matches();
        }
        if (!shaped) {
            throw DomainRejection.invalid(field, "hub-path",
                    field + " must be a relative path of plain names (no '..', no leading '/', no empty or hidden segments)");
        }
        return path;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainRejection.invalid(field, "required", field + " must not be blank");
        }
        return value.strip();
    }
}
