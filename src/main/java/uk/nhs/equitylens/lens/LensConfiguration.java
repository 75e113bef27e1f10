package uk.nhs.equitylens.lens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Builds the one shared rulebase at startup. A rule file that does not compile, or a rule without
 * its governance metadata, stops startup with the file, line and problem.
 */
@Configuration(proxyBeanMethods = false)
class LensConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LensConfiguration.class);

	static final Path DEFAULT_FOLDER = Path.of("rules");

	static final String CLASSPATH_FOLDER = "rules/";

	@Bean
	Rulebase rulebase(LensProperties properties) {
		long start = System.nanoTime();
		String source;
		List<RuleFile> files;
		if (properties.dir() != null) {
			source = properties.dir().toAbsolutePath().normalize().toString();
			files = RuleFiles.fromFolder(properties.dir());
		}
		else if (Files.isDirectory(DEFAULT_FOLDER)) {
			source = DEFAULT_FOLDER.toAbsolutePath().normalize().toString();
			files = RuleFiles.fromFolder(DEFAULT_FOLDER);
		}
		else {
			source = "classpath:" + CLASSPATH_FOLDER + " (the copy packaged with the application)";
			files = fromClasspath();
		}
		Rulebase rulebase = new RulebaseLoader().load(files);
		log.info("Rulebase {} loaded from {}: {} rules in {} files, built in {} ms", rulebase.version(), source,
				rulebase.rules().size(), rulebase.files().size(), (System.nanoTime() - start) / 1_000_000);
		return rulebase;
	}

	@Bean
	ActiveRulebase activeRulebase(Rulebase rulebase) {
		return new ActiveRulebase(rulebase);
	}

	private static List<RuleFile> fromClasspath() {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			List<Resource> resources = new ArrayList<>(
					List.of(resolver.getResources("classpath*:" + CLASSPATH_FOLDER + "**/*.drl")));
			resources.addAll(List.of(resolver.getResources("classpath*:" + CLASSPATH_FOLDER + "policy/*.csv")));
			List<RuleFile> files = new ArrayList<>();
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				String path = url.substring(url.lastIndexOf("/" + CLASSPATH_FOLDER) + CLASSPATH_FOLDER.length() + 1);
				try (InputStream in = resource.getInputStream()) {
					files.add(new RuleFile(path, in.readAllBytes()));
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the packaged rulebase", ex);
		}
	}

}
