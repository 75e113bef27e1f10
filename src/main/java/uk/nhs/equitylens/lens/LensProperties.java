package uk.nhs.equitylens.lens;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rulebase comes from ({@code equitylens.rules.dir}). When unset, {@code ./rules} is used
 * if it exists (running from the project or with a mounted folder), else the copy packaged in the
 * jar, so that {@code java -jar} works from any directory.
 */
@ConfigurationProperties("equitylens.rules")
public record LensProperties(Path dir) {
}
