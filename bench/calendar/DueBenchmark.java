import io.accord.calendar.BusinessCalendar;
import io.accord.calendar.WeeklyInterval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Micro-benchmark of {@link BusinessCalendar#due}: a Berlin office calendar (Monday to Friday 09:00-12:30 and
 * 13:30-18:00, 10 holidays), random starts over 2026-2027 and random durations from PT1H to PT300H.
 * Not a test; run with {@code bench/calendar/run.sh}.
 */
public final class DueBenchmark {

    private static final int SAMPLES = 20_000;
    private static final int WARMUP_ROUNDS = 10;
    private static final int RUNS = 5;

    public static void main(String[] args) {
        List<WeeklyInterval> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(WeeklyInterval.of(day, "09:00", "12:30"));
            hours.add(WeeklyInterval.of(day, "13:30", "18:00"));
        }
        List<LocalDate> holidays = List.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26", "2027-01-01").stream()
                .map(LocalDate::parse).toList();
        BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("Europe/Berlin"), hours, holidays);

        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long until = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();
        Instant[] starts = new Instant[SAMPLES];
        Duration[] durations = new Duration[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = Instant.ofEpochSecond(random.nextLong(from, until));
            durations[i] = Duration.ofSeconds(random.nextLong(3_600, 300 * 3_600 + 1));
        }

        long sink = 0;
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            sink += run(calendar, starts, durations);
        }
        double[] rates = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long began = System.nanoTime();
            sink += run(calendar, starts, durations);
            rates[r] = SAMPLES / ((System.nanoTime() - began) / 1e9);
            System.out.printf("run %d: %,.0f due() per second%n", r + 1, rates[r]);
        }
        Arrays.sort(rates);
        System.out.printf("due() per second: %,.0f (median of %d runs of %,d calls; checksum %d)%n",
                rates[RUNS / 2], RUNS, SAMPLES, sink);
    }

    private static long run(BusinessCalendar calendar, Instant[] starts, Duration[] durations) {
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += calendar.due(starts[i], durations[i]).getEpochSecond();
        }
        return sum;
    }
}
