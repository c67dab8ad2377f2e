package io.quotaflow.incentive.inquiry.web;

import io.quotaflow.incentive.inquiry.InquiryRequests;
import io.quotaflow.incentive.inquiry.InquiryService;
import io.quotaflow.incentive.inquiry.InquiryView;
import io.quotaflow.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

/** Inquiries: a REP opens them on their statement, their MANAGER (or an ADMIN) resolves them. */
@RestController
class InquiryController {

    private final InquiryService inquiries;

    InquiryController(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @PostMapping("/api/incentives/inquiries")
    @ResponseStatus(HttpStatus.CREATED)
    InquiryView open(@RequestBody InquiryRequests.Open request, Caller caller) {
        return inquiries.open(request, caller);
    }

    @GetMapping("/api/incentives/inquiries")
    List<InquiryView> list(@RequestParam(required = false) String repId, @RequestParam(required = false) YearMonth period,
                           @RequestParam(required = false) String status, Caller caller) {
        return inquiries.list(repId, period, status, caller);
    }

    @GetMapping("/api/incentives/inquiries/{inquiryId}")
    InquiryView get(@PathVariable String inquiryId, Caller caller) {
        return inquiries.get(inquiryId, caller);
    }

    @PostMapping("/api/incentives/inquiries/{inquiryId}/comments")
    InquiryView comment(@PathVariable String inquiryId, @RequestBody InquiryRequests.Comment comment, Caller caller) {
        return inquiries.comment(inquiryId, comment, caller);
    }

    @PostMapping("/api/incentives/inquiries/{inquiryId}/resolution")
    InquiryView resolve(@PathVariable String inquiryId, @RequestBody InquiryRequests.Resolve resolve, Caller caller) {
        return inquiries.resolve(inquiryId, resolve, caller);
    }
}
