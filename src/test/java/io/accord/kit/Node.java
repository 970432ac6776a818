package io.accord.kit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the kit's pinned npm tools. Without node and npm a test using it is reported as skipped. */
final class Node {

    private Node() {
    }

    static void assumeAvailable() {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed for this test");
    }

    /**
     * {@code npm ci} in {@code dir} (exact versions from its committed package-lock.json), skipped when node_modules was
     * installed from the same lock file already.
     */
    static void install(Path dir) throws Exception {
        Path lock = dir.resolve("package-lock.json");
        Path stamp = dir.resolve("node_modules/.accord-lock-sha256");
        String sha = sha256(Files.readAllBytes(lock));
        if (Files.exists(stamp) && Files.readString(stamp).equals(sha)) {
            return;
        }
        Result result = run(dir, 5, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (result.exitCode != 0) {
            throw new AssertionError("npm ci failed in " + dir + ":\n" + result.output);
        }
        Files.writeString(stamp, sha);
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path dir, int minutes, String... command) throws IOException, InterruptedException {
        return run(dir, minutes, List.of(command));
    }

    static Result run(Path dir, int minutes, List<String> command) throws IOException, InterruptedException {
        return run(dir, new ProcessBuilder(command), minutes);
    }

    static Result run(Path dir, ProcessBuilder builder, int minutes) throws IOException, InterruptedException {
        Process process = builder.directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(')');
            }
        });
        reader.start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        reader.join(10_000);
        return new Result(finished ? process.exitValue() : -1, output.toString());
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
