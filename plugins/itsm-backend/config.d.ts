/**
 * A duration: `'15m'`, `'4h'`, `'3 days'` (ms syntax), an ISO-8601 duration
 * (`'PT4H'`), or an object such as `{ hours: 4 }`. Months and years are not
 * accepted, as their length in service time is not defined.
 */
type ItsmDuration =
  | string
  | {
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

/** One SLA clock target: service time allowed, and the calendar it is counted in. */
interface ItsmClockTarget {
  /** Service time allowed, counted in the calendar's hours. */
  duration: ItsmDuration;
  /**
   * Calendar id (`24x7` or a key of `itsm.calendars`). When omitted, the
   * service's `itsm/service-hours` calendar is used, else `itsm.incidents.defaultCalendar`.
   */
  calendar?: string;
}

/** Response and resolution targets of one priority. */
interface ItsmPriorityTargets {
  /** Time to the first move out of `new`. */
  response?: ItsmClockTarget;
  /** Time to `resolved`, paused while `on_hold`. */
  resolution?: ItsmClockTarget;
}

export interface Config {
  /** Configuration of the ITSM plugins. */
  itsm?: {
    /**
     * Service calendars by id, referenced by the `itsm/service-hours` annotation
     * and by SLA targets. `24x7` is built in.
     */
    calendars?: {
      [id: string]: {
        /** IANA time zone, e.g. `Europe/Berlin`. */
        timezone: string;
        /** Local `HH:mm` ranges per weekday, end exclusive; `24:00` allowed as an end. */
        hours: {
          mon?: string[][];
          tue?: string[][];
          wed?: string[][];
          thu?: string[][];
          fri?: string[][];
          sat?: string[][];
          sun?: string[][];
        };
        /** Local dates `YYYY-MM-DD` without service hours. */
        holidays?: string[];
      };
    };
    /** Incident management. */
    incidents?: {
      /**
       * Priority by impact (rows 1–3) and urgency (columns 1–3), values 1–5.
       * Defaults to the ITIL matrix (P1 at high/high … P5 at low/low).
       */
      priorityMatrix?: number[][];
      /**
       * Calendar for targets without their own calendar on services without an
       * `itsm/service-hours` annotation. Defaults to `24x7`.
       */
      defaultCalendar?: string;
      /** Response and resolution targets per priority; unset fields keep their defaults. */
      targets?: {
        p1?: ItsmPriorityTargets;
        p2?: ItsmPriorityTargets;
        p3?: ItsmPriorityTargets;
        p4?: ItsmPriorityTargets;
        p5?: ItsmPriorityTargets;
      };
      /** Days after which resolved incidents close automatically (major ones excepted). Defaults to 5. */
      autoCloseDays?: number;
      /** Percentages of the resolution target at which incidents escalate. Defaults to [50, 75, 100]. */
      escalationThresholds?: number[];
      /**
       * When an incident becomes major automatically (on create and on a priority
       * change): its priority is one of `priorities`, or its service's `itsm/tier`
       * is one of `tiers`. Defaults to P1 or a tier-1 service; `[]` turns a criterion off.
       */
      majorIncident?: {
        /** Priorities (1–5) that make an incident major. Defaults to [1]. */
        priorities?: number[];
        /** Service tiers (1–4, `itsm/tier`) whose incidents are major. Defaults to [1]. */
        tiers?: number[];
      };
      /** Depth of the downstream impact analysis snapshotted when an incident is raised (1–5). Defaults to 3. */
      impactDepth?: number;
      /**
       * Support tier groups in escalation order (first tier first), e.g.
       * `[group:default/service-desk, group:default/sre]`. Functional escalation
       * notifies the tier after the incident's assignment group, or the first
       * tier when the group is not listed.
       */
      supportTiers?: string[];
      /**
       * The controlled incident categories: category id → its subcategory ids, e.g.
       * `availability: [outage, degradation, failover]`. Ids are lowercase letters and digits,
       * words joined by hyphens. Incidents raised or edited through the API must use them;
       * alerts and imports are mapped onto them (unknown values become `uncategorised`,
       * which always exists). Defaults to availability, performance, functional, security,
       * data, capacity and infrastructure with a few subcategories each.
       */
      categories?: { [category: string]: string[] };
    };
    /** Problem management. */
    problems?: {
      /** Days a problem resolved as fixed is observed before it may close. Defaults to 14. */
      observationDays?: number;
      /** The scheduled detection of candidate problems (once across replicas). */
      detection?: {
        /** Defaults to true. */
        enabled?: boolean;
        /** Minutes between runs. Defaults to 60. */
        frequencyMinutes?: number;
        /** N incidents with the same entity and category or signature within M days. Defaults to 3 in 7. */
        recurrence?: { incidents?: number; windowDays?: number };
        /** Incidents on K or more services sharing an upstream dependency within H hours. Defaults to 3 in 6. */
        upstream?: { services?: number; windowHours?: number };
      };
    };
    /** Complaints against services. */
    /** Configuration management: the catalog as the CMDB. */
    cmdb?: {
      /**
       * The configuration-item kinds in scope, each with the attributes its entities must
       * carry: `owner`, `lifecycle`, `system`, `type`, `domain` (spec fields) or an annotation
       * key such as `itsm/tier`. Impact analysis traverses and reports these kinds only.
       * Defaults to Component (owner, lifecycle, system, itsm/tier, itsm/service-hours,
       * itsm/assignment-group), Resource (owner, type), System (owner) and API (owner,
       * lifecycle).
       */
      kinds?: Array<{
        kind: string;
        required?: string[];
      }>;
    };
    complaints?: {
      /**
       * Days after which a complaint that is still open or under investigation is escalated,
       * once, by a scheduled job. Defaults to 5.
       */
      escalationDays?: number;
      /**
       * The group escalations are sent to (kind defaults to Group). Defaults to the owner of
       * the service the complaint is about.
       */
      escalationGroup?: string;
    };
    /** Customer satisfaction. */
    satisfaction?: {
      /**
       * Share (0–1) of incident resolutions whose reporter is invited to rate it, a
       * deterministic sample by incident and resolution cycle. Defaults to 0.5.
       */
      sampleRate?: number;
      /** Days an invitation to rate a resolution stays open. Defaults to 14. */
      invitationExpiryDays?: number;
    };
    /** Service level monitoring. */
    sla?: {
      /**
       * Percentages of a clock's target at which an SLA warning is notified (once each);
       * strictly increasing, each above 0 and below 100. Defaults to [75, 90].
       */
      warningThresholds?: number[];
    };
    /** Change enablement. */
    changes?: {
      /**
       * Who must approve a change, by type and risk; the first rule whose `match` fits applies
       * (`risk` omitted matches any risk). Every normal and emergency change of every risk needs
       * a rule; standard changes are pre-approved. Defaults to: normal/low one change manager;
       * normal/medium each owner group and a change manager; normal/high 50% of the CAB;
       * emergency one emergency-CAB member. An invalid policy stops the backend at startup.
       */
      approvalPolicy?: Array<{
        match: {
          /** `normal` or `emergency`. */
          type: string;
          /** `low`, `medium` or `high`; omitted matches any risk. */
          risk?: string;
        };
        /**
         * `{ group, count }` (count members, default 1), `{ group, quorum }` (a number, or a
         * percentage like `50%` of the members when the change enters authorization, the
         * requester excluded) or `{ ownerGroups: true }` (one member of each owner group of the
         * affected entities).
         */
        approvers: Array<{
          group?: string;
          count?: number;
          quorum?: number | string;
          ownerGroups?: boolean;
        }>;
      }>;
      /**
       * Freeze (blackout) windows: changes in them are reported as conflicts, and only
       * emergency changes may be scheduled in them.
       */
      freezeWindows?: Array<{
        name: string;
        /** ISO-8601 instant. */
        start: string;
        /** ISO-8601 instant, after `start`. */
        end: string;
        /** The frozen entities; empty or omitted freezes every entity. */
        entityRefs?: string[];
      }>;
    };
    /** Inbound alert webhooks (`/api/itsm/webhooks/...`); each is disabled (404) without its secret. */
    webhooks?: {
      /** Alertmanager `webhook_configs` receiver at `/api/itsm/webhooks/alertmanager`. */
      alertmanager?: {
        /**
         * Bearer token Alertmanager sends (`http_config.authorization.credentials`), at least 16 characters.
         * @visibility secret
         */
        token: string;
      };
      /** PagerDuty V3 webhook subscription at `/api/itsm/webhooks/pagerduty`. */
      pagerduty?: {
        /**
         * The subscription's signing secret (`X-PagerDuty-Signature`), at least 16 characters.
         * @visibility secret
         */
        secret: string;
        /**
         * PagerDuty service (its summary, i.e. name, or its id) → catalog entity ref
         * (kind defaults to Component, namespace to default). Events of unmapped services are ignored.
         */
        serviceMapping?: { [service: string]: string };
      };
    };
  };
}
