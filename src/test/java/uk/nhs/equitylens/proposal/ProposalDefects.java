package uk.nhs.equitylens.proposal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import uk.nhs.equitylens.deprivation.DeprivationIndex;
import uk.nhs.equitylens.lens.fact.Impact;
import uk.nhs.equitylens.lens.fact.MitigationStatus;
import uk.nhs.equitylens.lens.fact.Severity;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * jqwik generators of request bodies that are wrong in one known way: a valid proposal document
 * (from {@link Proposals}) with one field missing, null, of the wrong JSON type, out of range,
 * an unknown code, too long, a malformed or unknown LSOA code, a duplicate entry or a null entry;
 * and bodies that are not a proposal document at all (garbage, truncated or deeply nested JSON,
 * bytes that are not UTF-8). Each says which field the problem must name, where there is one.
 */
public final class ProposalDefects {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Vocabulary VOCABULARY = Proposals.vocabulary();

	private ProposalDefects() {
	}

	/**
	 * A request body with one known defect.
	 *
	 * @param kind what is wrong, for the report of a failing try
	 * @param body the bytes sent
	 * @param field the field the problem must name; {@code null} when the body is not a document
	 */
	public record Defect(String kind, byte[] body, String field) {

		static Defect of(String kind, JsonNode document, String field) {
			return new Defect(kind, JSON.writeValueAsBytes(document), field);
		}

		static Defect of(String kind, String body) {
			return new Defect(kind, body.getBytes(StandardCharsets.UTF_8), null);
		}

		@Override
		public String toString() {
			String text = new String(body, StandardCharsets.UTF_8);
			return kind + " -> " + field + " :: " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
		}

	}

	public static ObjectNode tree(ProposalDocument document) {
		return (ObjectNode) JSON.valueToTree(document);
	}

	/** Documents wrong in one known field, and bodies that are not documents at all. */
	public static Arbitrary<Defect> invalidDocuments() {
		Arbitrary<Defect> spoiled = Proposals.valid().flatMap(document -> fieldDefect(tree(document)));
		return Arbitraries.<Defect>frequencyOf(weighted(6, spoiled), weighted(1, notADocument()));
	}

	/** Valid documents with keys the spec does not define, which must be kept, not refused. */
	public static Arbitrary<Defect> documentsWithUnknownKeys() {
		return Combinators.combine(Proposals.valid(), key(), anyJson(3)).as((document, key, value) -> {
			ObjectNode tree = tree(document);
			if (!tree.has(key)) {
				tree.set(key, value);
			}
			return Defect.of("unknown key " + key, tree, null);
		});
	}

	static Arbitrary<Defect> fieldDefect(ObjectNode document) {
		List<Arbitrary<Defect>> defects = new ArrayList<>();
		for (String field : List.of("title", "board", "proposalType", "summary", "population", "population.affected")) {
			defects.add(Arbitraries.just(field).map(f -> Defect.of("missing", without(document, f), f)));
			defects.add(Arbitraries.just(field).map(f -> Defect.of("null", with(document, f, NODES.nullNode()), f)));
		}
		defects.add(Arbitraries.of("title", "board", "proposalType", "summary")
			.flatMap(f -> Arbitraries.of("", " ", "\t\n").map(v -> Defect.of("blank", with(document, f, NODES.stringNode(v)), f))));
		defects.add(wrongType(document));
		defects.add(outOfRange(document));
		defects.add(unknownCode(document));
		defects.add(tooLong(document));
		defects.add(badArea(document));
		defects.add(duplicate(document));
		defects.add(nullEntry(document));
		defects.add(takenOnWithout(document));
		return Arbitraries.oneOf(defects);
	}

	private static Arbitrary<Defect> wrongType(ObjectNode document) {
		ObjectNode full = withOneOfEach(document);
		List<Arbitrary<Defect>> cases = new ArrayList<>();
		cases.add(wrong(full, "title", NODES.numberNode(42), NODES.booleanNode(true), array("a"), NODES.objectNode()));
		cases.add(wrong(full, "summary", NODES.numberNode(12.5), array("text")));
		cases.add(wrong(full, "board", array("PLANNED_CARE"), NODES.numberNode(1)));
		cases.add(wrong(full, "proposalType", NODES.objectNode(), NODES.booleanNode(false)));
		cases.add(wrong(full, "population", NODES.arrayNode(), NODES.stringNode("12000"), NODES.numberNode(5)));
		cases.add(wrong(full, "population.affected", NODES.stringNode("12000"), NODES.numberNode(1.5),
				NODES.booleanNode(true), NODES.stringNode("twelve thousand"), NODES.objectNode()));
		cases.add(wrong(full, "population.core20Share", NODES.stringNode("0.3"), NODES.booleanNode(true), array("0.3")));
		cases.add(wrong(full, "population.areas", NODES.stringNode("E01013995"), NODES.objectNode()));
		cases.add(wrong(full, "population.deprivationEdition", NODES.numberNode(2019), array("IMD2019")));
		cases.add(wrong(full, "cohorts", NODES.objectNode(), NODES.stringNode("CORE20")));
		cases.add(wrong(full, "cohorts[0]", NODES.stringNode("CORE20"), NODES.numberNode(7), NODES.arrayNode()));
		cases.add(wrong(full, "cohorts[0].impact", NODES.numberNode(1), array("NEGATIVE")));
		cases.add(wrong(full, "barriers", NODES.booleanNode(true)));
		cases.add(wrong(full, "barriers[0].severity", array("HIGH"), NODES.numberNode(3)));
		cases.add(wrong(full, "clinicalAreas[0]", NODES.objectNode(), NODES.numberNode(4)));
		cases.add(wrong(full, "evidence", NODES.stringNode("lots"), NODES.arrayNode()));
		cases.add(wrong(full, "evidence.dataDisaggregated", NODES.stringNode("yes"), NODES.numberNode(1),
				NODES.stringNode("false")));
		cases.add(wrong(full, "engagement.coProduced", NODES.stringNode("true"), NODES.numberNode(0)));
		cases.add(wrong(full, "monitoring", NODES.booleanNode(true), NODES.numberNode(3)));
		cases.add(wrong(full, "monitoring.planned", NODES.stringNode("no")));
		cases.add(wrong(full, "mitigations", NODES.objectNode(), NODES.stringNode("NON_DIGITAL_ROUTE")));
		cases.add(wrong(full, "mitigations[0].due", NODES.stringNode("31/03/2027"), NODES.stringNode("2027-02-30"),
				NODES.numberNode(20270331), NODES.stringNode("")));
		cases.add(wrong(full, "mitigations[0].owner", NODES.numberNode(7), NODES.objectNode()));
		return Arbitraries.oneOf(cases);
	}

	private static Arbitrary<Defect> wrong(ObjectNode document, String field, JsonNode... values) {
		return Arbitraries.of(values).map(v -> Defect.of("wrong type", with(document, field, v), field));
	}

	private static Arbitrary<Defect> outOfRange(ObjectNode document) {
		Arbitrary<Defect> affected = Arbitraries.oneOf(Arbitraries.longs().between(Long.MIN_VALUE, -1),
				Arbitraries.longs().between(100_000_001L, Long.MAX_VALUE))
			.map(n -> Defect.of("out of range", with(document, "population.affected", NODES.numberNode(n)),
					"population.affected"));
		Arbitrary<Defect> huge = Arbitraries.bigIntegers()
			.between(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.TEN.pow(40))
			.map(n -> Defect.of("out of range", with(document, "population.affected", NODES.numberNode(n)),
					"population.affected"));
		Arbitrary<Defect> share = Arbitraries.oneOf(Arbitraries.doubles().between(-1e9, -1e-6).ofScale(6),
				Arbitraries.doubles().between(1.000001, 1e9).ofScale(6))
			.map(d -> Defect.of("out of range", with(document, "population.core20Share", NODES.numberNode(d)),
					"population.core20Share"));
		Arbitrary<Defect> beyondDouble = Arbitraries.of("1e400", "-1e400", "1" + "0".repeat(400))
			.map(n -> Defect.of("out of range",
					with(document, "population.core20Share", NODES.numberNode(new java.math.BigDecimal(n))),
					"population.core20Share"));
		return Arbitraries.oneOf(affected, huge, share, beyondDouble);
	}

	private static Arbitrary<Defect> unknownCode(ObjectNode document) {
		ObjectNode full = withOneOfEach(document);
		List<Arbitrary<Defect>> cases = new ArrayList<>();
		cases.add(unknown(full, "board", VOCABULARY.boards().keySet()));
		cases.add(unknown(full, "proposalType", VOCABULARY.proposalTypes().keySet()));
		cases.add(unknown(full, "population.deprivationEdition", List.of("IOD2025", "IMD2019")));
		cases.add(unknown(full, "cohorts[0].code", VOCABULARY.cohorts().keySet()));
		cases.add(unknown(full, "cohorts[0].impact", names(Impact.values())));
		cases.add(unknown(full, "barriers[0].code", VOCABULARY.barriers().keySet()));
		cases.add(unknown(full, "barriers[0].severity", names(Severity.values())));
		cases.add(unknown(full, "clinicalAreas[0]", VOCABULARY.clinicalAreas().keySet()));
		cases.add(unknown(full, "mitigations[0].code", VOCABULARY.mitigations().keySet()));
		cases.add(unknown(full, "mitigations[0].status", names(MitigationStatus.values())));
		cases.add(unknown(full, "accessChanges[0]", VOCABULARY.accessChanges().keySet()));
		cases.add(unknown(full, "assessorView.rating", VOCABULARY.ratings().keySet()));
		return Arbitraries.oneOf(cases);
	}

	/** A mitigation COMMITTED or DONE without its owner or its due date (spec version 2). */
	private static Arbitrary<Defect> takenOnWithout(ObjectNode document) {
		ObjectNode full = withOneOfEach(document);
		return Combinators.combine(Arbitraries.of("COMMITTED", "DONE"), Arbitraries.of("owner", "due")).as((status, field) -> {
			ObjectNode spoiled = with(full, "mitigations[0].status", NODES.stringNode(status));
			return Defect.of("taken on without", without(spoiled, "mitigations[0]." + field), "mitigations[0]." + field);
		});
	}

	private static Arbitrary<Defect> unknown(ObjectNode document, String field, Collection<String> known) {
		return code().filter(c -> !known.contains(c))
			.map(c -> Defect.of("unknown code", with(document, field, NODES.stringNode(c)), field));
	}

	private static Arbitrary<Defect> tooLong(ObjectNode document) {
		ObjectNode full = withOneOfEach(document);
		List<Arbitrary<Defect>> cases = new ArrayList<>();
		cases.add(longer(full, "title", 200));
		cases.add(longer(full, "summary", 5000));
		cases.add(longer(full, "cohorts[0].evidence", 4000));
		cases.add(longer(full, "barriers[0].note", 2000));
		cases.add(longer(full, "evidence.sources", 5000));
		cases.add(longer(full, "engagement.summary", 5000));
		cases.add(longer(full, "mitigations[0].owner", 200));
		cases.add(longer(full, "mitigations[0].note", 2000));
		cases.add(longer(full, "assessorView.reason", 2000));
		cases.add(Arbitraries.integers().between(501, 800).map(n -> {
			ArrayNode areas = NODES.arrayNode();
			for (int i = 0; i < n; i++) {
				areas.add(Proposals.knownAreas().get(i % Proposals.knownAreas().size()));
			}
			return Defect.of("too many", with(full, "population.areas", areas), "population.areas");
		}));
		return Arbitraries.oneOf(cases);
	}

	private static Arbitrary<Defect> longer(ObjectNode document, String field, int max) {
		return Combinators.combine(Arbitraries.integers().between(1, 300), Proposals.text(40))
			.as((extra, text) -> Defect.of("too long",
					with(document, field, NODES.stringNode((text + "x".repeat(max)).substring(0, max) + "y".repeat(extra))),
					field));
	}

	private static Arbitrary<Defect> badArea(ObjectNode document) {
		Arbitrary<String> malformed = Arbitraries.oneOf(Arbitraries.of("E0101399", "E010139950", "X01000001", "E02000001",
				"", " ", "E01-013995", "e01 013995", "W01", "<script>", "E01013995;DROP TABLE"),
				Arbitraries.strings().ofMaxLength(30))
			.filter(s -> !DeprivationIndex.isWellFormed(s));
		Arbitrary<String> unknown = Combinators
			.combine(Arbitraries.of("E01", "W01"), Arbitraries.integers().between(0, 999_999))
			.as((prefix, n) -> prefix + String.format("%06d", n))
			.filter(code -> !DeprivationIndex.load().isKnown(code));
		return Combinators.combine(Arbitraries.oneOf(malformed, unknown), Arbitraries.integers().between(0, 6))
			.as((area, at) -> {
				ArrayNode areas = NODES.arrayNode();
				JsonNode given = document.path("population").path("areas");
				given.valueStream().forEach(areas::add);
				int index = Math.min(at, areas.size());
				areas.insert(index, area);
				return Defect.of("bad area", with(document, "population.areas", areas), "population.areas[" + index + "]");
			});
	}

	private static Arbitrary<Defect> duplicate(ObjectNode document) {
		ObjectNode full = withOneOfEach(document);
		return Arbitraries.of("cohorts", "barriers", "clinicalAreas", "mitigations").map(list -> {
			ObjectNode copy = full.deepCopy();
			ArrayNode items = (ArrayNode) copy.get(list);
			JsonNode first = items.get(0).deepCopy();
			if (first instanceof ObjectNode entry && list.equals("cohorts")) {
				entry.put("impact", "POSITIVE".equals(entry.path("impact").asString()) ? "NEGATIVE" : "POSITIVE");
			}
			items.add(first);
			String suffix = list.equals("clinicalAreas") ? "" : ".code";
			return Defect.of("duplicate", copy, list + "[" + (items.size() - 1) + "]" + suffix);
		});
	}

	private static Arbitrary<Defect> nullEntry(ObjectNode document) {
		ObjectNode full = withOneOfEach(document);
		return Combinators.combine(Arbitraries.of("cohorts", "barriers", "clinicalAreas", "mitigations", "population.areas"),
				Arbitraries.integers().between(0, 3))
			.as((list, at) -> {
				ObjectNode copy = full.deepCopy();
				ArrayNode items = (ArrayNode) node(copy, list);
				int index = Math.min(at, items.size());
				items.insert(index, NODES.nullNode());
				return Defect.of("null entry", copy, list + "[" + index + "]");
			});
	}

	/** Bodies that are not a proposal document at all. */
	public static Arbitrary<Defect> notADocument() {
		Arbitrary<Defect> scalars = Arbitraries.of("", "null", "true", "42", "\"text\"", "[]", "[1,2]", "[{}]", "{} {}",
				"{\"title\": ", "not json", "{'title': 'single quotes'}", "{\"title\": \"x\",}", "{\"a\":1}garbage",
				"\u0000", "{\"population\": {\"affected\": NaN}}", "{\"title\": \"\\ud800\"}")
			.map(body -> Defect.of("not a document", body));
		Arbitrary<Defect> random = Arbitraries.strings().ofMaxLength(200).map(s -> Defect.of("random text", s));
		Arbitrary<Defect> truncated = Combinators.combine(Proposals.valid(), Arbitraries.doubles().between(0, 0.999).ofScale(3))
			.as((document, cut) -> {
				String text = JSON.writeValueAsString(document);
				return Defect.of("truncated", text.substring(0, (int) (text.length() * cut)));
			});
		Arbitrary<Defect> nested = Combinators.combine(Arbitraries.integers().between(100, 5000), Arbitraries.of("[", "{\"a\":"))
			.as((depth, open) -> Defect.of("nested " + depth, open.repeat(depth)
					+ "1" + (open.equals("[") ? "]" : "}").repeat(depth)));
		Arbitrary<Defect> longNumber = Arbitraries.integers().between(1000, 50_000)
			.map(digits -> Defect.of("long number", "{\"title\":\"t\",\"population\":{\"affected\":" + "9".repeat(digits) + "}}"));
		Arbitrary<Defect> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200)
			.map(b -> new Defect("random bytes", b, null));
		return Arbitraries.oneOf(scalars, random, truncated, nested, longNumber, bytes);
	}

	/** Valid responses to the required mitigations: those taken on, and those declined with a reason. */
	public static Arbitrary<ObjectNode> mitigationResponses() {
		Arbitrary<ObjectNode> declined = Combinators.combine(Arbitraries.of(List.copyOf(VOCABULARY.mitigations().keySet())),
				Proposals.text(500))
			.as((code, reason) -> NODES.objectNode().put(code, reason))
			.list()
			.ofMaxSize(3)
			.map(entries -> {
				ObjectNode node = NODES.objectNode();
				entries.forEach(node::setAll);
				return node;
			});
		return Combinators.combine(Proposals.mitigations(), declined).as((taken, reasons) -> {
			ObjectNode body = NODES.objectNode();
			body.set("mitigations", JSON.valueToTree(taken));
			if (!reasons.isEmpty()) {
				body.set("declined", reasons);
			}
			return body;
		});
	}

	/** Mitigation responses wrong in one known field, and bodies that are not responses at all. */
	public static Arbitrary<Defect> invalidMitigationResponses() {
		Arbitrary<Defect> spoiled = mitigationResponses().flatMap(body -> {
			ObjectNode full = body.deepCopy();
			if (full.get("mitigations").isEmpty()) {
				((ArrayNode) full.get("mitigations")).add(NODES.objectNode().put("code", "NON_DIGITAL_ROUTE")
					.put("status", "COMMITTED").put("owner", "o").put("due", "2027-03-31").put("note", "n"));
			}
			List<Arbitrary<Defect>> cases = new ArrayList<>();
			cases.add(Arbitraries.just(Defect.of("missing", without(full, "mitigations"), "mitigations")));
			cases.add(Arbitraries.just(Defect.of("null", with(full, "mitigations", NODES.nullNode()), "mitigations")));
			cases.add(Arbitraries.just(Defect.of("null entry", with(full, "mitigations[0]", NODES.nullNode()),
					"mitigations[0]")));
			cases.add(Arbitraries.of("code", "status")
				.map(f -> Defect.of("missing", without(full, "mitigations[0]." + f), "mitigations[0]." + f)));
			cases.add(Combinators.combine(Arbitraries.of("COMMITTED", "DONE"), Arbitraries.of("owner", "due"))
				.as((status, f) -> Defect.of("taken on without",
						without(with(full, "mitigations[0].status", NODES.stringNode(status)), "mitigations[0]." + f),
						"mitigations[0]." + f)));
			cases.add(unknown(full, "mitigations[0].code", VOCABULARY.mitigations().keySet()));
			cases.add(unknown(full, "mitigations[0].status", names(MitigationStatus.values())));
			cases.add(longer(full, "mitigations[0].owner", 200));
			cases.add(longer(full, "mitigations[0].note", 2000));
			cases.add(wrong(full, "mitigations", NODES.objectNode(), NODES.stringNode("NON_DIGITAL_ROUTE")));
			cases.add(wrong(full, "mitigations[0]", NODES.stringNode("NON_DIGITAL_ROUTE"), NODES.numberNode(1)));
			cases.add(wrong(full, "mitigations[0].due", NODES.stringNode("31/03/2027"), NODES.stringNode("2027-13-01"),
					NODES.numberNode(20270331)));
			cases.add(wrong(full, "mitigations[0].status", NODES.numberNode(2), NODES.booleanNode(true)));
			cases.add(wrong(full, "declined", NODES.arrayNode(), NODES.stringNode("none")));
			cases.add(Arbitraries.just(full).map(b -> {
				ArrayNode items = (ArrayNode) b.deepCopy().get("mitigations");
				ObjectNode copy = b.deepCopy();
				((ArrayNode) copy.get("mitigations")).add(items.get(0).deepCopy());
				return Defect.of("duplicate", copy, "mitigations[" + items.size() + "].code");
			}));
			return Arbitraries.oneOf(cases);
		});
		return Arbitraries.<Defect>frequencyOf(weighted(6, spoiled), weighted(1, notADocument()));
	}

	/** The document with at least one cohort, barrier, clinical area, mitigation and area, so their fields can be spoiled. */
	static ObjectNode withOneOfEach(ObjectNode document) {
		ObjectNode copy = document.deepCopy();
		if (copy.path("cohorts").isEmpty()) {
			copy.set("cohorts", NODES.arrayNode().add(NODES.objectNode().put("code", "AGE").put("impact", "NEGATIVE")
				.put("evidence", "survey")));
		}
		if (copy.path("barriers").isEmpty()) {
			copy.set("barriers", NODES.arrayNode().add(NODES.objectNode().put("code", "LANGUAGE").put("severity", "LOW")
				.put("note", "n")));
		}
		if (copy.path("clinicalAreas").isEmpty()) {
			copy.set("clinicalAreas", NODES.arrayNode().add("HYPERTENSION_LIPIDS"));
		}
		if (copy.path("mitigations").isEmpty()) {
			copy.set("mitigations", NODES.arrayNode().add(NODES.objectNode().put("code", "NON_DIGITAL_ROUTE")
				.put("status", "PROPOSED").put("owner", "o").put("due", "2027-03-31").put("note", "n")));
		}
		if (!copy.path("accessChanges").isArray() || copy.path("accessChanges").isEmpty()) {
			copy.set("accessChanges", NODES.arrayNode().add("MOVES_A_ROUTE"));
		}
		if (!copy.path("assessorView").isObject()) {
			copy.set("assessorView", NODES.objectNode().put("rating", "HIGH").put("reason", "r"));
		}
		ObjectNode first = (ObjectNode) copy.get("mitigations").get(0);
		first.put("owner", first.path("owner").asString("o"));
		first.put("due", first.path("due").asString("2027-03-31"));
		first.put("note", first.path("note").asString("n"));
		ObjectNode cohort = (ObjectNode) copy.get("cohorts").get(0);
		cohort.put("evidence", cohort.path("evidence").asString("e"));
		ObjectNode barrier = (ObjectNode) copy.get("barriers").get(0);
		barrier.put("note", barrier.path("note").asString("n"));
		return copy;
	}

	/** A copy with the value at a path like {@code population.affected} or {@code cohorts[0].impact} replaced. */
	public static ObjectNode with(ObjectNode document, String path, JsonNode value) {
		ObjectNode copy = document.deepCopy();
		String[] steps = path.split("\\.");
		JsonNode parent = copy;
		for (int i = 0; i < steps.length - 1; i++) {
			parent = step(parent, steps[i]);
		}
		String last = steps[steps.length - 1];
		int bracket = last.indexOf('[');
		if (bracket < 0) {
			((ObjectNode) parent).set(last, value);
		}
		else {
			ArrayNode list = (ArrayNode) ((ObjectNode) parent).get(last.substring(0, bracket));
			list.set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), value);
		}
		return copy;
	}

	static ObjectNode without(ObjectNode document, String path) {
		ObjectNode copy = document.deepCopy();
		int dot = path.lastIndexOf('.');
		ObjectNode parent = dot < 0 ? copy : (ObjectNode) node(copy, path.substring(0, dot));
		parent.remove(path.substring(dot + 1));
		return copy;
	}

	static JsonNode node(JsonNode document, String path) {
		JsonNode node = document;
		for (String step : path.split("\\.")) {
			node = step(node, step);
		}
		return node;
	}

	private static JsonNode step(JsonNode node, String step) {
		int bracket = step.indexOf('[');
		if (bracket < 0) {
			return node.get(step);
		}
		return node.get(step.substring(0, bracket)).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
	}

	/** Codes as a careless or hostile client sends them: lower case, near misses, markup, long. */
	static Arbitrary<String> code() {
		return Arbitraries.oneOf(Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(40),
				Arbitraries.of("core20", "Core20", "CORE20 ", "NEGATIVE\u0000", "<b>HIGH</b>", "DIGITAL_ONLY;",
						"\u202eHIGH", "ＨＩＧＨ"),
				Arbitraries.strings().ofMinLength(1).ofMaxLength(300))
			.filter(s -> !s.isBlank());
	}

	static Arbitrary<String> key() {
		return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.', '-').ofMinLength(1).ofMaxLength(30);
	}

	/** Any JSON value, nested up to {@code depth}. */
	public static Arbitrary<JsonNode> anyJson(int depth) {
		Arbitrary<JsonNode> scalar = Arbitraries.oneOf(Arbitraries.just(NODES.nullNode()),
				Arbitraries.of(true, false).map(NODES::booleanNode), Arbitraries.longs().map(NODES::numberNode),
				Arbitraries.doubles().map(NODES::numberNode), Arbitraries.strings().ofMaxLength(50).map(NODES::stringNode));
		if (depth == 0) {
			return scalar;
		}
		Arbitrary<JsonNode> array = anyJson(depth - 1).list().ofMaxSize(4).map(items -> {
			ArrayNode node = NODES.arrayNode();
			items.forEach(node::add);
			return node;
		});
		Arbitrary<JsonNode> object = Combinators.combine(key(), anyJson(depth - 1)).as((k, v) -> (JsonNode) NODES.objectNode().set(k, v))
			.list()
			.ofMaxSize(4)
			.map(entries -> {
				ObjectNode node = NODES.objectNode();
				entries.forEach(e -> node.setAll((ObjectNode) e));
				return node;
			});
		return Arbitraries.<JsonNode>frequencyOf(weighted(3, scalar), weighted(1, array), weighted(1, object));
	}

	private static ArrayNode array(String... items) {
		ArrayNode node = NODES.arrayNode();
		for (String item : items) {
			node.add(item);
		}
		return node;
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

	private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<T> arbitrary) {
		return net.jqwik.api.Tuple.of(weight, arbitrary);
	}

}
