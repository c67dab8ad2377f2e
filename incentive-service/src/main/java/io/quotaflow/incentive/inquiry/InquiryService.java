package io.quotaflow.incentive.inquiry;

import io.quotaflow.events.EventIds;
import io.quotaflow.incentive.award.Keys;
import io.quotaflow.incentive.award.LineStatus;
import io.quotaflow.incentive.award.StatementLine;
import io.quotaflow.incentive.domain.AwardIds;
import io.quotaflow.incentive.statement.Access;
import io.quotaflow.incentive.statement.AwardView;
import io.quotaflow.incentive.statement.StatementReader;
import io.quotaflow.platform.config.OrganisationProperties;
import io.quotaflow.platform.security.Caller;
import io.quotaflow.platform.security.Role;
import io.quotaflow.platform.web.ConflictException;
import io.quotaflow.platform.web.NotFoundException;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Inquiries: a rep disputes their statement (a line or an award of it); the rep's manager (or an admin) accepts it
 * — an adjustment award, paid in the first open period and announced like any award — or rejects it with a reason.
 * Every step is in the inquiry's audit trail.
 */
@Service
public class InquiryService {

    static final int MAX_TEXT = 2000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000.00");

    private final Inquiries inquiries;
    private final StatementReader statements;
    private final Access access;
    private final String currency;
    private final Clock clock;

    InquiryService(Inquiries inquiries, StatementReader statements, Access access, OrganisationProperties organisation,
                   Clock clock) {
        this.inquiries = inquiries;
        this.statements = statements;
        this.access = access;
        this.currency = organisation.reportingCurrency().getCurrencyCode();
        this.clock = clock;
    }

    public InquiryView open(InquiryRequests.Open request, Caller caller) {
        caller.requireAnyRole(Role.REP, Role.ADMIN);
        String repId = request.repId() != null ? request.repId() : caller.repId();
        List<FieldProblem> problems = new ArrayList<>();
        if (repId == null) {
            problems.add(new FieldProblem("repId", "is required"));
        }
        if (request.period() == null) {
            problems.add(new FieldProblem("period", "is required"));
        }
        text(request.message(), "message", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!caller.isAdmin() && !repId.equals(caller.repId())) {
            throw new AccessDeniedException("a rep may only dispute their own statement");
        }
        List<StatementLine> lines = statements.lines(repId, request.period());
        if (request.lineId() != null && lines.stream().noneMatch(line -> line.lineId().toString().equals(request.lineId()))) {
            problems.add(new FieldProblem("lineId", "is not a line of " + repId + "'s statement for " + request.period()));
        }
        if (request.awardId() != null && statements.awards(repId, request.period(), caller).stream()
                .noneMatch(award -> award.awardId().equals(request.awardId()))) {
            problems.add(new FieldProblem("awardId", "is not an award of " + repId + " in " + request.period()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        inquiries.insert(new Document("_id", id).append("repId", repId).append("period", request.period().toString())
                .append("lineId", request.lineId()).append("awardId", request.awardId())
                .append("message", request.message().strip()).append("status", "OPEN")
                .append("openedBy", caller.subject()).append("openedAt", Date.from(now))
                .append("trail", List.of(Inquiries.entry(now, caller.subject(), "OPENED", request.message().strip()))));
        return view(inquiries.find(id).orElseThrow());
    }

    public InquiryView comment(String inquiryId, InquiryRequests.Comment comment, Caller caller) {
        Document inquiry = visible(inquiryId, caller);
        List<FieldProblem> problems = new ArrayList<>();
        text(comment.message(), "message", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        inquiries.append(inquiryId, Inquiries.entry(clock.instant(), caller.subject(), "COMMENTED",
                comment.message().strip()));
        return view(inquiries.find(inquiry.getString("_id")).orElseThrow());
    }

    public InquiryView resolve(String inquiryId, InquiryRequests.Resolve resolve, Caller caller) {
        caller.requireAnyRole(Role.MANAGER, Role.ADMIN);
        Document inquiry = visible(inquiryId, caller);
        String repId = inquiry.getString("repId");
        if (repId.equals(caller.repId()) || repId.equals(caller.subject())) {
            throw new AccessDeniedException("nobody resolves their own inquiry");
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean accepted = "ACCEPTED".equals(resolve.decision());
        if (!accepted && !"REJECTED".equals(resolve.decision())) {
            problems.add(new FieldProblem("decision", "must be one of [ACCEPTED, REJECTED]"));
        }
        if (accepted) {
            amount(resolve.amount(), problems);
        } else if (resolve.amount() != null) {
            problems.add(new FieldProblem("amount", "is only for an accepted inquiry"));
        }
        if (!accepted || resolve.reason() != null) {
            text(resolve.reason(), "reason", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!"OPEN".equals(inquiry.getString("status"))) {
            throw new ConflictException("inquiryId", "inquiry " + inquiryId + " is " + inquiry.getString("status")
                    + " already");
        }
        Instant now = clock.instant();
        String reason = resolve.reason() == null ? "" : resolve.reason().strip();
        StatementLine adjustment = accepted ? adjustment(inquiry, resolve.amount(), reason, caller, now) : null;
        String status = accepted ? "ACCEPTED" : "REJECTED";
        Document resolution = new Document("decision", status).append("reason", reason).append("by", caller.subject())
                .append("at", Date.from(now));
        if (adjustment != null) {
            resolution.append("amount", new Decimal128(adjustment.amount())).append("currency", adjustment.currency());
        }
        if (!inquiries.resolve(inquiryId, status, resolution, adjustment,
                Inquiries.entry(now, caller.subject(), status, accepted
                        ? adjustment.amount().toPlainString() + " " + adjustment.currency() + " in " + adjustment.payPeriod()
                        + (reason.isEmpty() ? "" : ": " + reason) : reason))) {
            throw new ConflictException("inquiryId", "inquiry " + inquiryId + " was resolved meanwhile");
        }
        return view(inquiries.find(inquiryId).orElseThrow());
    }

    public InquiryView get(String inquiryId, Caller caller) {
        return view(visible(inquiryId, caller));
    }

    /** Inquiries the caller may see, by rep, period and status (each optional). */
    public List<InquiryView> list(String repId, YearMonth period, String status, Caller caller) {
        caller.requireAnyRole(Role.ADMIN, Role.MANAGER, Role.REP);
        Document filter = new Document();
        if (caller.has(Role.REP) && !caller.isAdmin() && !caller.has(Role.MANAGER)) {
            if (repId != null && !repId.equals(caller.repId())) {
                throw new AccessDeniedException("a rep sees only their own inquiries");
            }
            repId = caller.repId();
        }
        if (repId != null) {
            filter.append("repId", repId);
        }
        if (period != null) {
            filter.append("period", period.toString());
        }
        if (status != null) {
            filter.append("status", status);
        }
        return inquiries.find(filter).stream()
                .filter(inquiry -> access.canSeePayee(caller, inquiry.getString("repId"),
                        YearMonth.parse(inquiry.getString("period"))))
                .map(this::view).toList();
    }

    /** The adjustment award of an accepted inquiry: one per inquiry, paid in the first open period. */
    private StatementLine adjustment(Document inquiry, BigDecimal amount, String reason, Caller caller, Instant now) {
        String id = inquiry.getString("_id");
        String repId = inquiry.getString("repId");
        YearMonth period = YearMonth.parse(inquiry.getString("period"));
        Optional<StatementLine> disputed = Optional.ofNullable(inquiry.getString("lineId")).flatMap(lineId ->
                statements.lines(repId, period).stream().filter(line -> line.lineId().toString().equals(lineId)).findFirst());
        String planId = disputed.map(StatementLine::planId).orElse("inquiry");
        String ruleId = disputed.map(StatementLine::ruleId).orElse("adjustment");
        String awardId = AwardIds.of(planId, ruleId, repId, period, "inquiry:" + id);
        YearMonth payPeriod = period;
        while (!statements.period(payPeriod).open()) {
            payPeriod = payPeriod.plusMonths(1);
        }
        List<UUID> sources = new ArrayList<>(disputed.map(StatementLine::sourceEventIds).orElse(List.of()));
        return new StatementLine(Keys.line(awardId, EventIds.of("inquiry", id)), awardId, planId,
                disputed.map(StatementLine::planVersion).orElse(0), ruleId, "ADJUSTMENT", "inquiry:" + id, repId,
                amount.setScale(2, RoundingMode.UNNECESSARY), disputed.map(StatementLine::currency).orElse(currency),
                LineStatus.PAID, period, payPeriod, sources, "inquiry " + id + " accepted by " + caller.subject()
                + (reason.isEmpty() ? "" : ": " + reason), now);
    }

    private Document visible(String inquiryId, Caller caller) {
        Document inquiry = inquiries.find(inquiryId).orElseThrow(() -> new NotFoundException("inquiry", inquiryId));
        access.requirePayee(caller, inquiry.getString("repId"), YearMonth.parse(inquiry.getString("period")));
        return inquiry;
    }

    private static void text(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void amount(BigDecimal amount, List<FieldProblem> problems) {
        if (amount == null) {
            problems.add(new FieldProblem("amount", "is required to accept: the adjustment to pay (negative takes back)"));
        } else if (amount.signum() == 0 || amount.abs().compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldProblem("amount", "must be non-zero and at most " + MAX_AMOUNT.toPlainString()));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amount", "must have at most 2 decimals"));
        }
    }

    private InquiryView view(Document inquiry) {
        Document resolution = inquiry.get("resolution", Document.class);
        Document adjustment = inquiry.get("adjustment", Document.class);
        List<InquiryView.Entry> trail = inquiry.getList("trail", Document.class, List.of()).stream()
                .map(entry -> new InquiryView.Entry(entry.getDate("at").toInstant(), entry.getString("by"),
                        entry.getString("action"), entry.getString("note"))).toList();
        StatementLine line = adjustment == null ? null : StatementLine.from(adjustment);
        return new InquiryView(inquiry.getString("_id"), inquiry.getString("repId"),
                YearMonth.parse(inquiry.getString("period")), inquiry.getString("lineId"), inquiry.getString("awardId"),
                inquiry.getString("message"), inquiry.getString("status"), inquiry.getString("openedBy"),
                inquiry.getDate("openedAt").toInstant(), resolution == null ? null : new InquiryView.Resolution(
                resolution.getString("decision"), resolution.get("amount") instanceof Decimal128 d ? d.bigDecimalValue() : null,
                resolution.getString("currency"), resolution.getString("reason"), resolution.getString("by"),
                resolution.getDate("at").toInstant()), line == null ? null : AwardView.of(line),
                line == null ? null : line.payPeriod(), trail);
    }
}
