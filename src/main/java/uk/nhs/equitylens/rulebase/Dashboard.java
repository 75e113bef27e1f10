package uk.nhs.equitylens.rulebase;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.nhs.equitylens.people.CurrentUser;
import uk.nhs.equitylens.people.Role;
import uk.nhs.equitylens.vocabulary.Vocabulary;

/**
 * Rule outcomes per programme board, for governance: each assessment's latest evaluation counted by
 * rating and residual rating, the rules that fire most and the mitigations most required, and the
 * board's decisions and overrides; and where the ambassadors' own ratings and the lens's disagree,
 * per board and per rule. Read a row at a time.
 */
@Service
public class Dashboard {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Vocabulary vocabulary;

	Dashboard(JdbcTemplate jdbc, JsonMapper json, Vocabulary vocabulary) {
		this.jdbc = jdbc;
		this.json = json;
		this.vocabulary = vocabulary;
	}

	@Transactional(readOnly = true)
	public Map<String, BoardOutcomes> outcomes() {
		CurrentUser.require("The rule outcome dashboard is for governance.", Role.GOVERNANCE);
		Map<String, BoardOutcomes> boards = new TreeMap<>();
		jdbc.query("""
				select a.board, a.status, e.rating, e.residual_rating, e.result
				from assessment a join evaluation e on e.assessment_id = a.id
				where e.sequence = (select max(l.sequence) from evaluation l where l.assessment_id = a.id)
				""", row -> {
			BoardOutcomes board = boards.computeIfAbsent(row.getString("board"), b -> new BoardOutcomes());
			board.assessments++;
			board.ratings.merge(row.getString("rating"), 1, Integer::sum);
			board.residualRatings.merge(row.getString("residual_rating"), 1, Integer::sum);
			board.statuses.merge(row.getString("status"), 1, Integer::sum);
			JsonNode result = json.readTree(row.getString("result"));
			result.path("findings").valueStream().map(f -> f.path("ruleId").asString()).distinct()
				.forEach(rule -> board.findingsByRule.merge(rule, 1, Integer::sum));
			result.path("requiredMitigations").valueStream().map(m -> m.path("code").asString())
				.forEach(code -> board.mitigations.merge(code, 1, Integer::sum));
		});
		jdbc.query("""
				select a.board, count(*) as decisions, sum(case when d.overridden then 1 else 0 end) as overrides
				from decision d join assessment a on a.id = d.assessment_id group by a.board
				""", row -> {
			BoardOutcomes board = boards.computeIfAbsent(row.getString("board"), b -> new BoardOutcomes());
			board.decisions = row.getInt("decisions");
			board.overrides = row.getInt("overrides");
		});
		return boards;
	}

	/**
	 * Where assessors and the lens disagree, over each assessment's latest evaluation that carries the
	 * ambassador's own rating: per board, how many the ambassador rated lower than the lens, the same,
	 * or higher; per rule (the rule ids of harm findings, once per assessment), the same counts over
	 * the assessments it fired in. The best evidence for changing the policy tables: a rule that
	 * mostly fires where ambassadors rate lower may weigh too much.
	 */
	@Transactional(readOnly = true)
	public Disagreements disagreements() {
		CurrentUser.require("Where assessors and the lens disagree is for governance.", Role.GOVERNANCE);
		Map<String, int[]> boards = new TreeMap<>();
		Map<String, int[]> rules = new TreeMap<>();
		jdbc.query("""
				select a.board, e.rating, e.result
				from assessment a join evaluation e on e.assessment_id = a.id
				where e.sequence = (select max(l.sequence) from evaluation l where l.assessment_id = a.id)
				""", row -> {
			JsonNode result = json.readTree(row.getString("result"));
			int assessor = vocabulary.ratingRank(result.path("assessorView").path("rating").asString(""));
			int lens = vocabulary.ratingRank(row.getString("rating"));
			if (assessor < 0 || lens < 0) {
				return;
			}
			int column = 1 + Integer.signum(Integer.compare(assessor, lens));
			count(boards.computeIfAbsent(row.getString("board"), b -> new int[3]), column);
			result.path("findings").valueStream()
				.filter(f -> !"assurance".equals(f.path("kind").asString("")))
				.map(f -> f.path("ruleId").asString())
				.distinct()
				.forEach(rule -> count(rules.computeIfAbsent(rule, r -> new int[3]), column));
		});
		Map<String, Tally> byBoard = new LinkedHashMap<>();
		boards.forEach((board, counts) -> byBoard.put(board, Tally.of(counts)));
		Map<String, Tally> byRule = new LinkedHashMap<>();
		rules.entrySet().stream()
			.sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -Tally.of(e.getValue()).disagreeing())
				.thenComparing(Map.Entry::getKey))
			.forEach(e -> byRule.put(e.getKey(), Tally.of(e.getValue())));
		return new Disagreements(byBoard, byRule);
	}

	private static void count(int[] counts, int column) {
		counts[column]++;
	}

	/**
	 * Disagreements between ambassadors and the lens.
	 *
	 * @param boards per board code
	 * @param rules per rule id, the rules with most disagreement first
	 */
	public record Disagreements(Map<String, Tally> boards, Map<String, Tally> rules) {

		public Disagreements {
			boards = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boards));
			rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
		}

	}

	/**
	 * Assessments with the ambassador's own rating, by how it compares with the lens's rating.
	 *
	 * @param assessments how many, in all
	 * @param lower the ambassador rated it lower than the lens
	 * @param same the same as the lens
	 * @param higher higher than the lens
	 */
	public record Tally(int assessments, int lower, int same, int higher) {

		public Tally {
			if (lower < 0 || same < 0 || higher < 0 || assessments != lower + same + higher) {
				throw new IllegalArgumentException("a tally's counts must be non-negative and add up to its assessments");
			}
		}

		static Tally of(int[] counts) {
			return new Tally(counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
		}

		/** How many the ambassador rated differently from the lens. */
		@com.fasterxml.jackson.annotation.JsonIgnore
		public int disagreeing() {
			return lower + higher;
		}

	}

	/** One board's rule outcomes. */
	public static final class BoardOutcomes {

		public int assessments;

		public int decisions;

		public int overrides;

		public final Map<String, Integer> ratings = new TreeMap<>();

		public final Map<String, Integer> residualRatings = new TreeMap<>();

		public final Map<String, Integer> statuses = new TreeMap<>();

		public final Map<String, Integer> findingsByRule = new TreeMap<>();

		public final Map<String, Integer> mitigations = new TreeMap<>();

		/** The rules that produce findings for most of the board's assessments, most first. */
		public List<Map.Entry<String, Integer>> topRules() {
			return findingsByRule.entrySet().stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
				.limit(5)
				.toList();
		}

	}

}
