package uk.nhs.equitylens.lens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;

import uk.nhs.equitylens.lens.fact.RuleMetadata;
import uk.nhs.equitylens.lens.policy.Policy;
import uk.nhs.equitylens.lens.policy.PolicyLoader;

/**
 * Compiles DRL files and reads the policy tables into a {@link Rulebase}: classic DRL compiled at
 * runtime, so a rule file that does not compile is reported as {@code file [line N]: problem}, and a
 * table cell at fault as {@code policy/file.csv [line N]: column: problem}. Every rule must carry
 * its governance metadata ({@code @ruleId}, {@code @domain}, {@code @rationale}) and belong to one
 * of the {@link Rulebase#LAYERS}; anything else is a load error, never a silent skip. The version
 * is a hash over the rule files and the tables: a change to either is a new version.
 */
public final class RulebaseLoader {

	private static final Pattern RULE_ID = Pattern.compile("[A-Z]{2,5}-\\d{3}");

	private static final int MAX_RATIONALE = 300;

	private static final String SOURCE_ROOT = "src/main/resources/";

	private static final AtomicLong BUILDS = new AtomicLong();

	private final KieServices kieServices = KieServices.Factory.get();

	private final PolicyLoader policies;

	/** The build project type; {@code null} for the classic compiler. */
	private final Class<? extends KieBuilder.ProjectType> mode;

	public RulebaseLoader() {
		this(new PolicyLoader());
	}

	public RulebaseLoader(PolicyLoader policies) {
		this(policies, null);
	}

	/**
	 * @param mode how the DRL is compiled: {@code null} for the classic compiler (its messages name
	 * file and line), or a project class such as the executable model's
	 */
	RulebaseLoader(PolicyLoader policies, Class<? extends KieBuilder.ProjectType> mode) {
		this.policies = policies;
		this.mode = mode;
	}

	public Rulebase load(List<RuleFile> files) {
		if (files.stream().noneMatch(RuleFile::isDrl)) {
			throw new RulebaseException("The rulebase has no .drl files.");
		}
		List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
		String version = version(sorted);
		// the tables' problems are reported together with the DRL's, so one load names them all
		Policy policy = null;
		List<String> tableProblems = List.of();
		try {
			policy = policies.load(sorted);
		}
		catch (RulebaseException ex) {
			tableProblems = ex.problems();
		}
		ReleaseId releaseId = kieServices.newReleaseId("uk.nhs.equitylens", "rulebase",
				"1.0." + BUILDS.incrementAndGet());
		KieFileSystem kfs = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
		for (RuleFile file : sorted.stream().filter(RuleFile::isDrl).toList()) {
			kfs.write(SOURCE_ROOT + file.path(),
					kieServices.getResources().newByteArrayResource(file.content()).setResourceType(ResourceType.DRL));
		}
		try {
			KieBuilder builder = mode == null ? kieServices.newKieBuilder(kfs).buildAll()
					: kieServices.newKieBuilder(kfs).buildAll(mode);
			List<String> errors = new ArrayList<>(
					builder.getResults().getMessages(Message.Level.ERROR).stream().map(RulebaseLoader::describe).toList());
			if (errors.size() > 1) {
				// the parser's follow-on message after a syntax error it has already described
				errors.removeIf(error -> error.endsWith("Parser returned a null Package"));
			}
			errors.addAll(descriptions(sorted.stream().filter(RuleFile::isDrl).toList()));
			errors.addAll(tableProblems);
			if (!errors.isEmpty()) {
				throw new RulebaseException(errors);
			}
			KieContainer container = kieServices.newKieContainer(releaseId);
			KieBase kieBase = container.getKieBase();
			List<RuleInfo> rules = checkMetadata(kieBase, sorted);
			return new Rulebase(version, kieBase, rules, sorted, policy);
		}
		finally {
			kieServices.getRepository().removeKieModule(releaseId);
		}
	}

	/** {@code file [line N]: problem}, without the parser's stack traces. */
	static String describe(Message message) {
		String path = message.getPath() == null ? "?" : message.getPath().replaceFirst("^" + SOURCE_ROOT, "");
		String text = message.getText() == null ? "" : message.getText().strip();
		int trace = text.indexOf(" Stack trace:");
		if (trace >= 0) {
			text = text.substring(0, trace).strip();
		}
		text = text.replaceAll("\\s*\\n\\s*", " ");
		int line = message.getLine();
		Matcher parserLine = PARSER_LINE.matcher(text);
		if (line <= 0 && parserLine.find()) {
			line = Integer.parseInt(parserLine.group(1));
		}
		return path + " [line " + line + "]: " + text;
	}

	/** The parser's own position, when the message has no line: "Line 18:0 ...". */
	private static final Pattern PARSER_LINE = Pattern.compile("^\\[?\\d*,?\\d*\\]?:?\\s*Line (\\d+):\\d+");

	/** {@code @description} is read under different keys by the two compile modes; the lens uses @rationale. */
	private static List<String> descriptions(List<RuleFile> files) {
		List<String> problems = new ArrayList<>();
		for (RuleFile file : files) {
			String[] lines = file.text().split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (lines[i].contains("@description")) {
					problems.add(file.path() + " [line " + (i + 1)
							+ "]: uses @description; write the one-line rationale as @rationale(\"...\")");
				}
			}
		}
		return problems;
	}

	private static List<RuleInfo> checkMetadata(KieBase kieBase, List<RuleFile> files) {
		Map<String, RuleFile> byPath = new HashMap<>();
		files.forEach(f -> byPath.put(f.path(), f));
		List<String> problems = new ArrayList<>();
		List<RuleInfo> rules = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (KiePackage kiePackage : kieBase.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				String path = pathOf(rule);
				RuleFile file = byPath.get(path);
				int line = file == null ? 0 : file.lineOf("rule \"" + rule.getName() + "\"");
				String where = path + " [line " + line + "]: rule \"" + rule.getName() + "\"";
				String ruleId = RuleMetadata.ruleId(rule);
				String domain = RuleMetadata.domain(rule);
				String rationale = RuleMetadata.rationale(rule);
				String layer = ((RuleImpl) rule).getAgendaGroup();
				if (ruleId == null || ruleId.isBlank()) {
					problems.add(where + " has no @ruleId(\"XXX-000\")");
				}
				else if (!RULE_ID.matcher(ruleId).matches()) {
					problems.add(where + " has @ruleId(\"" + ruleId + "\"), which is not of the form XXX-000");
				}
				else if (!ids.add(ruleId)) {
					problems.add(where + " reuses @ruleId(\"" + ruleId + "\"); rule ids are unique and stable");
				}
				if (domain == null || domain.isBlank()) {
					problems.add(where + " has no @domain; use one of " + Rulebase.DOMAINS);
				}
				else if (!Rulebase.DOMAINS.contains(domain)) {
					problems.add(where + " has @domain(\"" + domain + "\"); use one of " + Rulebase.DOMAINS);
				}
				if (rationale == null || rationale.isBlank()) {
					problems.add(where + " has no @rationale(\"...\"): say in one line why the rule exists");
				}
				else if (rationale.length() > MAX_RATIONALE || rationale.contains("\n")) {
					problems.add(where + " has a @rationale longer than one line of " + MAX_RATIONALE + " characters");
				}
				if (!Rulebase.LAYERS.contains(layer)) {
					problems.add(where + " is in ruleflow-group \"" + layer + "\"; put it in one of the layers " + Rulebase.LAYERS);
				}
				rules.add(new RuleInfo(ruleId, domain, rationale, rule.getName(), path, line, layer));
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(null);
			throw new RulebaseException(problems);
		}
		rules.sort(Comparator.comparing(RuleInfo::ruleId));
		return rules;
	}

	private static String pathOf(Rule rule) {
		if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
			return impl.getResource().getSourcePath().replaceFirst("^" + SOURCE_ROOT, "");
		}
		return rule.getPackageName().replace('.', '/') + "/?";
	}

	/** {@code sha256:} over each file's path and bytes, in path order. */
	static String version(List<RuleFile> sortedFiles) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (RuleFile file : sortedFiles) {
				digest.update(file.path().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(file.content());
				digest.update((byte) 0);
			}
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
