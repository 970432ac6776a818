package io.accord.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Within the SLA feature, only its two stores write clocks (the feature-level rules, dependencies and table owners,
 * are in ArchitectureTest).
 */
class SlaBoundariesTest {

    private static final Pattern WRITES_CLOCKS =
            Pattern.compile("(update|insert\\s+into|delete\\s+from)\\s+sla_clocks\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheSlaStoresWriteSlaClocks() throws IOException {
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> writers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return WRITES_CLOCKS.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
            assertEquals(List.of("io/accord/sla/ClockBatchStore.java", "io/accord/sla/SlaClockRepository.java"), writers);
        }
    }
}
