package dev.signoff.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's settings table is what admins read: it must list every setting with its real default. */
class ReadmeSettingsTest {

    @Test
    void readmeWhenReadThenEverySettingHasARowWithItsKeyEnvironmentNameAndDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String row = "| `" + s.key() + "` | `" + s.environmentKey() + "` | `"
                    + (s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue()) + "` |";
            if (!readme.contains(row)) {
                missing.add(row);
            }
        }
        assertEquals(List.of(), missing, "README.md lacks these settings rows (or shows another default)");
    }
}
