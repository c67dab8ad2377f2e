package io.quotaflow.activity.timeline.web;

import io.quotaflow.activity.timeline.TimelineService;
import io.quotaflow.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/activities?repId=|customerId=&from=&to=&type=&page=&size=}: a timeline, newest first. */
@RestController
@RequestMapping("/api/activities")
class TimelineController {

    private final TimelineService timeline;

    TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GetMapping
    TimelineService.Page timeline(Caller caller, @RequestParam(required = false) String repId,
                                  @RequestParam(required = false) String customerId,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return timeline.read(caller, new TimelineService.Request(repId, customerId, from, to, type, page, size));
    }
}
