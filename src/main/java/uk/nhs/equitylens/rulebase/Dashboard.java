package uk.nhs.equitylens.rulebase;

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

/**
 * Rule outcomes per programme board, for governance: each assessment's latest evaluation counted by
 * rating and residual rating, the rules that fire most and the mitigations most required, and the
 * board's decisions and overrides. Read a row at a time.
 */
@Service
public class Dashboard {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	Dashboard(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
