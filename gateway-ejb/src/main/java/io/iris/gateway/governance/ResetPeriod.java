package io.iris.gateway.governance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of a budget or rate-limit window, written as a count and a unit: {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 1d}, {@code 1w}, {@code 1M} (calendar month), {@code 1Y} (calendar year).
 * Immutable.
 */
public record ResetPeriod(int count, Unit unit) {
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,3})([smhdwMY])");

    public enum Unit { SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR }

    public static Optional<ResetPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ResetPeriod(Integer.parseInt(m.group(1)), unitOf(m.group(2).charAt(0))));
    }

    /** Calendar alignment starts windows at UTC boundaries, so it exists only for one day, week, month or year. */
    public boolean canAlignToCalendar() {
        return count == 1 && (unit == Unit.DAY || unit == Unit.WEEK || unit == Unit.MONTH || unit == Unit.YEAR);
    }

    /**
     * When the window that started at {@code windowStart} ends. Rolling windows last exactly the period (months
     * and years by the UTC calendar); calendar-aligned ones end at the next UTC boundary of the unit (midnight,
     * Monday, the first of the month, the first of January) after {@code windowStart}.
     */
    public Instant windowEnd(Instant windowStart, boolean calendarAligned) {
        ZonedDateTime start = windowStart.atZone(ZoneOffset.UTC);
        if (calendarAligned && canAlignToCalendar()) {
            ZonedDateTime boundary = switch (unit) {
                case DAY -> start.truncatedTo(ChronoUnit.DAYS);
                case WEEK -> start.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> start.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                default -> start.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            };
            return boundary.plus(1, chronoUnit()).toInstant();
        }
        return start.plus(count, chronoUnit()).toInstant();
    }

    private ChronoUnit chronoUnit() {
        return switch (unit) {
            case SECOND -> ChronoUnit.SECONDS;
            case MINUTE -> ChronoUnit.MINUTES;
            case HOUR -> ChronoUnit.HOURS;
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
            case YEAR -> ChronoUnit.YEARS;
        };
    }

    public static String describeFormat() {
        return "must be a count and a unit: s, m, h, d, w, M (month) or Y (year), as in 1h, 1d, 1w, 1M, 1Y";
    }

    private static Unit unitOf(char c) {
        return switch (c) {
            case 's' -> Unit.SECOND;
            case 'm' -> Unit.MINUTE;
            case 'h' -> Unit.HOUR;
            case 'd' -> Unit.DAY;
            case 'w' -> Unit.WEEK;
            case 'M' -> Unit.MONTH;
            default -> Unit.YEAR;
        };
    }
}
