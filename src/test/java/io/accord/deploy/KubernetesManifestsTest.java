package io.accord.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Validates k8s/ offline against the Kubernetes schemas (npm package kubernetes-models) and our own rules, through
 * {@code .ci/k8s-validate/run.sh}. Needs Node.js; without it the test is reported as skipped, never silently passed.
 */
class KubernetesManifestsTest {

    @Test
    void manifestsAreValidKubernetesObjects() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed to validate k8s/ offline");
        Process process = new ProcessBuilder("bash", ".ci/k8s-validate/run.sh").redirectErrorStream(true).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        System.out.println(output);
        assertEquals(0, finished ? process.exitValue() : -1, "k8s validation failed:\n" + output);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
