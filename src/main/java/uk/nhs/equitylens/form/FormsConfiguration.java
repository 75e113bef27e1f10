package uk.nhs.equitylens.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Loads the form definitions: from {@code equitylens.forms.dir} if set, else {@code ./forms} if it
 * exists, else the copy packaged in the jar. {@code equitylens.form-version} names the current one.
 */
@Configuration(proxyBeanMethods = false)
class FormsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FormsConfiguration.class);

	@Bean
	Forms forms(@Value("${equitylens.forms.dir:}") String dir, @Value("${equitylens.form-version:hiia/2}") String current,
			Vocabulary vocabulary) {
		List<FormDefinition> definitions = new ArrayList<>();
		String source;
		Path folder = dir.isBlank() ? Path.of("forms") : Path.of(dir);
		if (!dir.isBlank() || Files.isDirectory(folder)) {
			source = folder.toAbsolutePath().normalize().toString();
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
					definitions.add(Forms.read(Files.newInputStream(file), file.getFileName().toString()));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the forms folder " + source, ex);
			}
		}
		else {
			source = "classpath:forms/ (the copy packaged with the application)";
			try {
				for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.yaml")) {
					definitions.add(Forms.read(resource.getInputStream(), resource.getFilename()));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the packaged forms", ex);
			}
		}
		Forms forms = new Forms(definitions, current, vocabulary);
		log.info("Form {} ({} questions) loaded from {}", forms.current().version(), forms.current().questions().count(),
				source);
		return forms;
	}

	@Bean
	FormAnswers formAnswers(Forms forms) {
		return new FormAnswers(forms);
	}

}
