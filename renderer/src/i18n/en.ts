import type { Messages } from './fr'

/** English mirror of fr.ts; typed against it so that a missing or extra key fails the typecheck. */
export const en: Messages = {
  app: {
    name: 'Vigie',
    tagline: 'Urban supervision centre',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    dismiss: 'Dismiss',
    demoBanner: 'DEMO',
    demoBannerDetail: 'Demo site: these images do not come from city cameras.',
    settingsNotSaved: 'Setting not saved: {{message}}',
    configError: '{{message}} The cameras in that file are not shown until it is fixed.',
    loadFailed: 'Could not load: {{message}}'
  },
  nav: {
    label: 'Main navigation',
    wall: 'Video wall',
    cameras: 'Cameras',
    users: 'Accounts',
    organisation: 'Organisation',
    audit: 'Audit trail',
    compliance: 'Compliance',
    about: 'About'
  },
  locale: {
    label: 'Interface language',
    fr: 'Français',
    en: 'English',
    frShort: 'FR',
    enShort: 'EN'
  },
  connection: {
    connecting: 'Connecting to the Vigie service…',
    failedTitle: 'Cannot reach the Vigie service',
    lostTitle: 'Connection to the Vigie service lost',
    lostBody: 'The images and states on screen are no longer up to date.',
    reasons: {
      noPort: 'The application did not hand over a channel to the service.',
      refused: 'The service refused the connection or does not answer.',
      timeout: 'The service did not answer in time.'
    },
    reconnect: 'Reconnect'
  },
  health: {
    label: 'Health',
    live: 'live',
    connecting: 'connecting…',
    stalled: 'frozen',
    reconnecting: 'reconnecting…',
    failed: 'failed',
    unknown: 'unknown state',
    attempt: 'attempt {{attempt}}',
    since: 'since {{time}}'
  },
  badges: {
    demo: 'DEMO',
    demoTitle: 'Camera of the demo site',
    transcoded: 'transcoded',
    transcodedTitle: 'Stream re-encoded by Vigie: latency is slightly higher.'
  },
  wall: {
    title: 'Video wall',
    layout: {
      label: 'Wall layout',
      option1: '1',
      option2x2: '2×2',
      option3x3: '3×3',
      option4x4: '4×4',
      title1: 'A single tile',
      title2x2: 'Grid of 2 × 2 tiles',
      title3x3: 'Grid of 3 × 3 tiles',
      title4x4: 'Grid of 4 × 4 tiles'
    },
    sidebar: {
      title: 'Cameras',
      hint: 'Drag a camera onto a tile, or click it to place it on the first free tile.',
      empty: 'No camera configured.',
      place: 'Place “{{name}}” on the wall'
    },
    tile: {
      label: 'Tile {{number}}',
      labelWithCamera: 'Tile {{number}}: {{name}}',
      empty: 'Free tile',
      emptyHint: 'Drop a camera here',
      missingCamera: 'Camera not found ({{id}})',
      disabledCamera: 'Camera disabled',
      latency: 'Latency',
      latencyValue: '{{value}} s',
      menu: 'Actions for tile {{number}}',
      chooseCamera: 'Choose a camera',
      remove: 'Remove',
      overlays: 'Analytics overlays',
      noCameras: 'No camera available',
      singleViewHint: 'Double-click or press Escape to go back to the wall.'
    },
    analytics: {
      label: 'Camera analytics',
      running: '{{name}}: running',
      stopped: '{{name}}: stopped',
      unreported: '{{name}}: status not reported',
      runningTitle: 'Running since {{date}}, {{frames}} frames analysed.',
      why: 'Why?',
      whyNamed: 'Compliance of the “{{name}}” module'
    },
    player: {
      unsupported: 'Video playback is not supported by this browser.',
      codec: 'Unsupported video format: {{codec}}',
      decode: 'Video decoding error, restarting the stream…',
      stream: 'Stream unavailable: {{message}}'
    },
    singleView: 'Single view: tile {{number}}',
    backToWall: 'Back to the wall'
  },
  cameras: {
    title: 'Cameras',
    intro: 'Cameras of the supervision centre. Changes apply to the video wall at once.',
    add: 'Add a camera',
    empty: 'No camera configured.',
    loadFailed: 'Could not load the cameras: {{message}}',
    demoNote: 'Demo site: its cameras are read-only. Adding your first camera replaces the demo site.',
    readOnly: 'read-only',
    disabled: 'disabled',
    columns: {
      name: 'Name',
      id: 'Identifier',
      source: 'Source',
      transport: 'Transport',
      transcode: 'Transcoding',
      group: 'Group',
      health: 'Health',
      actions: 'Actions'
    },
    actions: {
      edit: 'Edit',
      remove: 'Delete',
      editNamed: 'Edit “{{name}}”',
      removeNamed: 'Delete “{{name}}”'
    },
    transport: { tcp: 'TCP', udp: 'UDP' },
    transcode: { auto: 'automatic', always: 'always' },
    form: {
      addTitle: 'Add a camera',
      editTitle: 'Edit “{{name}}”',
      description: "RTSP or HTTP address of the camera's stream. The service checks every field.",
      name: 'Name',
      namePlaceholder: 'Town hall square',
      id: 'Identifier',
      idHint: 'Lowercase letters, digits, “-” and “_”. Cannot be changed later.',
      source: 'Stream address',
      sourcePlaceholder: 'rtsp://user:password@192.0.2.10:554/stream1',
      sourceRedactedHint: 'Credentials are hidden: leave the address as it is to keep them, or type it again in full to change it.',
      transport: 'RTSP transport',
      transcode: 'Transcoding',
      transcodeAuto: 'Automatic (when needed)',
      transcodeAlways: 'Always',
      group: 'Group',
      enabled: 'Camera enabled',
      analytics: 'Analytics modules requested',
      analyticsHint: 'A ticked module runs only when the compliance lock allows it on this camera; otherwise the tile says why.',
      test: 'Test the connection',
      testing: 'Testing…',
      testOk: 'Stream reachable',
      testFailed: 'Stream unreachable',
      probeDetails: '{{codec}} · {{width}} × {{height}}',
      cancel: 'Cancel',
      save: 'Save',
      saving: 'Saving…'
    },
    remove: {
      title: 'Delete the camera',
      body: 'Delete “{{name}}”? It will disappear from the video wall of every workstation.',
      confirm: 'Delete',
      removing: 'Deleting…',
      cancel: 'Cancel'
    }
  },
  about: {
    title: 'About',
    product: 'Product',
    version: 'Version',
    mode: 'Mode',
    modes: { desktop: 'desktop application', browser: 'browser (local service)' },
    demo: 'Demo site',
    demoOn: 'active',
    demoOff: 'inactive',
    ffmpeg: 'ffmpeg',
    ffmpegAvailable: 'available',
    ffmpegMissing: 'not found',
    ffmpegSource: 'source: {{source}}',
    notices: 'Third-party components',
    noticesEmpty: 'No notice.',
    noticeColumns: { name: 'Component', licence: 'Licence', attribution: 'Attribution', url: 'Address' },
    assets: 'Assets',
    assetsEmpty: 'No asset declared.',
    assetColumns: { id: 'Asset', kind: 'Kind', status: 'Status', path: 'Location' },
    assetPresent: 'present',
    assetMissing: 'missing',
    assetsMissingHint: 'Some assets are missing: run npm run assets.',
    loadFailed: 'Could not load: {{message}}'
  },
  roles: {
    operator: 'Operator',
    supervisor: 'Supervisor',
    dpo: 'DPO',
    admin: 'Administrator'
  },
  roleHints: {
    operator: 'watches the video wall',
    supervisor: 'video wall, audit trail, compliance dossiers and approvals',
    dpo: 'data protection officer: audit trail, compliance dossiers and approvals',
    admin: 'cameras, accounts, organisation and rule packs'
  },
  deployers: {
    commune: 'Municipality',
    'police-municipale': 'Municipal police',
    'police-nationale': 'National police',
    gendarmerie: 'Gendarmerie',
    douanes: 'Customs',
    transport: 'Transport operator',
    'site-prive': 'Private site'
  },
  password: {
    rulesTitle: 'The password must:',
    minLength: 'have at least {{count}} characters',
    notCommon: 'not be a common password (checked by the service)',
    notUsername: 'not contain the username',
    met: 'met',
    unmet: 'not met',
    pending: 'checked when saved',
    mismatch: 'The confirmation does not match the password.'
  },
  session: {
    starting: 'Opening the session…',
    unavailableTitle: 'The Vigie service cannot open a session',
    retry: 'Try again',
    setup: {
      title: 'First start',
      intro: 'No account exists yet. Describe the organisation that runs the system, then create the first administrator account.',
      organisation: 'Organisation',
      orgName: 'Organisation name',
      orgNamePlaceholder: 'Town of Montreuil-sur-Loire',
      deployer: 'Deployer type',
      deployerChoose: 'Choose…',
      deployerHint: 'It decides what the regulations allow the system to do.',
      deployerMissing: 'Choose the deployer type.',
      dpo: 'DPO contact',
      dpoHint: 'Email address or phone number of the data protection officer.',
      admin: 'First administrator',
      username: 'Username',
      usernameHint: 'Letters, digits, “.”, “-” and “_”.',
      displayName: 'Display name',
      displayNamePlaceholder: 'Camille Martin',
      password: 'Password',
      passwordConfirm: 'Confirm the password',
      submit: 'Create the account and sign in',
      submitting: 'Creating…'
    },
    login: {
      title: 'Sign in',
      intro: 'Identify yourself to use the console.',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      ended: {
        logout: 'Your session was closed.',
        disabled: 'Your account was disabled. Ask an administrator.',
        expired: 'Your session expired. Please sign in again.'
      }
    },
    lock: {
      title: 'Session locked',
      who: '{{name}} ({{username}})',
      body: 'The session locked after a period of inactivity. Type your password to resume.',
      password: 'Password',
      submit: 'Unlock',
      submitting: 'Checking…',
      switchUser: 'Switch user'
    },
    menu: {
      label: 'Account of {{name}}',
      roles: 'Roles: {{roles}}',
      changePassword: 'Change password',
      logout: 'Sign out'
    },
    changePassword: {
      title: 'Change password',
      description: 'The new password replaces the current one as soon as it is saved.',
      current: 'Current password',
      next: 'New password',
      confirm: 'Confirm the new password',
      submit: 'Save',
      submitting: 'Saving…',
      cancel: 'Cancel',
      done: 'Password changed.',
      close: 'Close'
    }
  },
  users: {
    title: 'Accounts',
    intro: 'The people allowed to use the console, their roles and the camera groups they may watch.',
    add: 'Create an account',
    empty: 'No account.',
    loadFailed: 'Could not load the accounts: {{message}}',
    allGroups: 'all',
    noGroups: 'none',
    columns: {
      username: 'Username',
      displayName: 'Name',
      roles: 'Roles',
      groups: 'Camera groups',
      state: 'State',
      actions: 'Actions'
    },
    state: {
      active: 'active',
      disabled: 'disabled',
      locked: 'locked until {{time}}'
    },
    actions: {
      edit: 'Edit',
      reset: 'Reset password',
      editNamed: 'Edit account “{{username}}”',
      resetNamed: 'Reset the password of “{{username}}”'
    },
    form: {
      createTitle: 'Create an account',
      editTitle: 'Edit account “{{username}}”',
      username: 'Username',
      usernameHint: 'Letters, digits, “.”, “-” and “_”. Cannot be changed later.',
      displayName: 'Display name',
      roles: 'Roles',
      rolesMissing: 'Choose at least one role.',
      groups: 'Camera groups',
      groupsHint: 'Separated by commas, for example: city-centre, station.',
      allGroups: 'All cameras',
      allGroupsHint: 'Administrators always see every camera.',
      password: 'Initial password',
      disabled: 'Account disabled',
      disabledHint: 'The person can no longer sign in.',
      cancel: 'Cancel',
      create: 'Create the account',
      save: 'Save',
      saving: 'Saving…'
    },
    reset: {
      title: 'Reset the password of “{{username}}”',
      description: 'The new password replaces the old one as soon as it is saved: pass it on to the person.',
      password: 'New password',
      submit: 'Reset',
      submitting: 'Resetting…',
      cancel: 'Cancel'
    }
  },
  organisation: {
    title: 'Organisation',
    intro: 'Profile of the organisation that runs the system, workstation lock delay and how long the audit trail is kept.',
    loadFailed: 'Could not load the organisation: {{message}}',
    name: 'Organisation name',
    deployer: 'Deployer type',
    dpo: 'DPO contact',
    idle: 'Lock after inactivity (minutes)',
    idleHint: 'From {{min}} to {{max}} minutes.',
    retention: 'Audit trail retention (days)',
    retentionHint: 'At least {{min}} days (six months), at most {{max}}.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Organisation saved.'
  },
  audit: {
    title: 'Audit trail',
    intro: 'Who did what, when and from which workstation. Entries are chained: any tampering shows up when verified.',
    filters: {
      label: 'Audit trail filters',
      actor: 'Person',
      actorPlaceholder: 'username',
      camera: 'Camera',
      cameraPlaceholder: 'camera identifier',
      action: 'Action',
      anyAction: 'All actions',
      from: 'From',
      to: 'To',
      apply: 'Apply',
      clear: 'Clear filters'
    },
    columns: {
      at: 'Date',
      actor: 'Person',
      action: 'Action',
      camera: 'Camera',
      target: 'Target',
      workstation: 'Workstation',
      details: 'Details'
    },
    system: 'system',
    seq: 'no. {{seq}}',
    loadFailed: 'Could not read the audit trail: {{message}}',
    empty: 'No entry for these filters.',
    more: 'Older',
    loadingMore: 'Loading…',
    start: 'Start of the audit trail reached.',
    verify: 'Verify integrity',
    verifying: 'Verifying…',
    verifyOk_one: 'Chain intact: {{total}} entry verified',
    verifyOk_other: 'Chain intact: {{total}} entries verified',
    verifyBroken: 'Chain broken at entry no. {{seq}}',
    verifyBrokenUnknown: 'Chain broken',
    checkpoint: 'Verified from checkpoint no. {{seq}} (older entries purged at the end of the retention period).',
    verifiedAt: 'Verified on {{date}}.',
    exportCsv: 'Export as CSV',
    exportPdf: 'Export as PDF',
    exporting: 'Exporting…',
    exportHint: 'Exports use the filters applied.',
    exported_one: '{{fileName}}: {{total}} entry exported.',
    exported_other: '{{fileName}}: {{total}} entries exported.',
    actions: {
      auth: {
        login: 'Sign-in',
        'login-failed': 'Failed sign-in',
        'account-locked': 'Account locked',
        logout: 'Sign-out'
      },
      session: {
        'idle-lock': 'Locked for inactivity',
        unlock: 'Unlock'
      },
      account: {
        'password-change': 'Password change',
        create: 'Account creation',
        update: 'Account change',
        'password-reset': 'Password reset'
      },
      organisation: { update: 'Organisation change' },
      setup: { 'first-admin': 'First start (first administrator)' },
      camera: {
        add: 'Camera added',
        update: 'Camera changed',
        remove: 'Camera deleted'
      },
      settings: { update: 'Workstation settings change' },
      live: {
        start: 'Live viewing started',
        stop: 'Live viewing stopped'
      },
      playback: { view: 'Recording viewed' },
      export: { create: 'Video extraction' },
      audit: {
        export: 'Audit trail export',
        purge: 'Audit trail retention purge'
      },
      compliance: { action: 'Compliance action' },
      alert: { decision: 'Alert decision' }
    }
  },
  compliance: {
    title: 'Compliance',
    intro:
      'What the law allows the analytics modules of this installation, the documents that unlock them and who approved them. A module only runs while unlocked.',
    loadFailed: 'Could not load compliance: {{message}}',
    rulePack: {
      label: 'Applicable rules',
      pack: 'Rule pack',
      version: 'Version',
      effective: 'In force since',
      jurisdiction: 'Jurisdiction',
      deployer: 'Deployer',
      deployerUnset: 'not set: the organisation profile must state it'
    },
    families: {
      lapi: 'ANPR (automatic number plate reading)',
      detection: 'Event detection',
      foule: 'Crowd analysis',
      biometrie: 'Biometrics'
    },
    modules: {
      'lapi-securite': 'ANPR – public safety',
      'lapi-stationnement': 'ANPR – parking',
      'detection-objet-abandonne': 'Abandoned object',
      'detection-objet-retire': 'Removed object',
      'detection-intrusion': 'Intrusion',
      'detection-sortie-zone': 'Zone exit',
      'detection-mouvement-inhabituel': 'Unusual movement',
      'foule-alertes': 'Crowd alerts',
      'comptage-personnes': 'People counting',
      'reconnaissance-faciale': 'Facial recognition',
      'categorisation-biometrique': 'Biometric categorisation',
      'inference-emotions': 'Emotion inference'
    },
    states: {
      FORBIDDEN: 'FORBIDDEN',
      LOCKED: 'LOCKED',
      READY: 'READY',
      UNLOCKED: 'UNLOCKED',
      EXPIRED: 'EXPIRED',
      REVOKED: 'REVOKED'
    },
    stateHints: {
      FORBIDDEN: 'The law forbids this module to this deployer: no document can unlock it.',
      LOCKED: 'Documents of the dossier are missing or do not qualify.',
      READY: 'Dossier complete: it awaits approvals.',
      UNLOCKED: 'The module may run on the cameras of its perimeter.',
      EXPIRED: 'A document of the dossier has expired: the module is stopped.',
      REVOKED: 'An approval was revoked: the module is stopped.'
    },
    uncertain: 'to be confirmed',
    uncertainHint: 'A point of the legal analysis still to be confirmed.',
    missing: 'Missing',
    expiresIn_one: 'expires in {{count}} day',
    expiresIn_other: 'expires in {{count}} days',
    expiresToday: 'expires today',
    expiresOn: 'Unlock ends on {{date}}.',
    approvalsCount: 'Approvals: {{current}} / {{needed}}',
    approvalsRoles: 'Approvals needed: {{count}}, by: {{roles}}.',
    citations: 'References',
    readMore: 'Read more',
    readLess: 'Show less',
    missingMore_one: '{{count}} more missing document',
    missingMore_other: '{{count}} more missing documents',
    citationsCount: 'References ({{count}})',
    openDossier: 'Open the dossier',
    openDossierNamed: 'Open the “{{name}}” dossier',
    register: {
      exportPdf: 'Export the register (PDF)',
      exportJson: 'Export the register (JSON)',
      exporting: 'Exporting…',
      hint: 'The full compliance dossier, for an inspection by the CNIL.',
      exported: '{{fileName}} downloaded.'
    },
    rulePacks: {
      title: 'Rule packs',
      intro: 'An installed rule pack takes over on its effective date, without a software update.',
      loadFailed: 'Could not list the rule packs: {{message}}',
      columns: { pack: 'Rule pack', version: 'Version', effective: 'In force on', jurisdiction: 'Jurisdiction', source: 'Origin' },
      active: 'active',
      sources: { bundled: 'shipped with Vigie', installed: 'installed' },
      install: 'Install a rule pack (.json file)',
      installing: 'Installing…',
      installed: 'Rule pack {{id}} version {{version}} installed, in force on {{date}}.'
    },
    dossier: {
      back: 'All modules',
      title: 'Dossier: {{name}}',
      loadFailed: 'Could not load the dossier: {{message}}',
      forbiddenTitle: 'Forbidden module',
      requirements: 'Required documents',
      requirementsNone: 'No document is required for this module.',
      issuedBy: 'issued by: {{issuer}}',
      satisfied: 'provided',
      notSatisfied: 'missing',
      perimeter: 'Cameras covered by the unlock',
      perimeterAll: 'whole installation',
      limits: 'Conditions of use',
      limitRetention_one: 'Images kept {{count}} day at most.',
      limitRetention_other: 'Images kept {{count}} days at most.',
      limitHumanConfirmation: 'An operator confirms each alert before anything follows.',
      limitNoBiometrics: 'No biometric processing.',
      limitCountsOnly: 'Only counts are kept, never images.',
      documents: 'Attached documents',
      documentsNone: 'No document attached.',
      history: 'History',
      historyNone: 'No action recorded for this module.'
    },
    documents: {
      columns: {
        type: 'Document',
        issuer: 'Issuer',
        dates: 'Dates',
        perimeter: 'Cameras',
        fingerprint: 'SHA-256 fingerprint',
        pia: 'DPIA',
        attached: 'Attached by',
        actions: 'Actions'
      },
      reference: 'ref. {{reference}}',
      issuedOn: 'issued on {{date}}',
      expiresOn: 'expires on {{date}}',
      noExpiry: 'no expiry',
      allCameras: 'whole installation',
      withdrawn: 'withdrawn',
      copy: 'Copy',
      copied: 'Copied',
      copyNamed: 'Copy the SHA-256 fingerprint of “{{reference}}”',
      copyFailed: 'The browser refused to copy: select the fingerprint by hand.',
      preview: 'Preview',
      previewNamed: 'Preview of “{{reference}}”',
      withdraw: 'Withdraw',
      withdrawNamed: 'Withdraw “{{reference}}” from the dossiers'
    },
    preview: {
      loading: 'Loading the file…',
      loadFailed: 'Could not read the file: {{message}}',
      pdfNotEmbedded: "The console's security policy does not allow PDFs inside the page: open the file in the workstation's viewer.",
      open: 'Open',
      truncated: 'Preview truncated: open the file to read all of it.',
      close: 'Close'
    },
    attach: {
      open: 'Attach a document',
      title: 'Attach a document to the “{{name}}” dossier',
      description:
        'The document is kept as is and identified by its SHA-256 fingerprint: it can never be modified, only withdrawn. A new document asks for new approvals.',
      type: 'Document type',
      reference: 'Reference',
      referencePlaceholder: 'Order no. 2025-0412',
      issuer: 'Issuer',
      issuedOn: 'Issued on',
      expiresOn: 'Expires on',
      expiresOnHint: 'Leave empty if the document does not expire.',
      perimeter: 'Cameras covered',
      perimeterAll: 'Whole installation',
      camerasNone: 'No camera configured.',
      cameraIds: 'Ids of the cameras covered',
      cameraIdsHint: 'Comma-separated. Your role does not open the camera list: copy them from the document.',
      file: 'File',
      fileHint: "PDF, or JSON export of the CNIL's PIA tool; {{size}} MB at most.",
      fileMissing: 'Choose the document’s file.',
      fileTooLarge: 'File too large: {{size}} MB at most.',
      perimeterEmpty: 'Tick at least one camera, or “Whole installation”.',
      submit: 'Attach',
      submitting: 'Sending…',
      cancel: 'Cancel'
    },
    decision: {
      approveOpen: 'Approve',
      revokeOpen: 'Revoke',
      approveTitle: 'Approve the “{{name}}” module',
      approveDescription: 'Your approval holds for the dossier as it is today: a new document will ask for new approvals.',
      revokeTitle: 'Revoke the “{{name}}” module',
      revokeDescription: 'The module stops on every camera as soon as it is revoked.',
      approveWarning: {
        LOCKED: 'The dossier must be complete before any approval.',
        EXPIRED: 'A document has expired: attach its replacement before any approval.',
        UNLOCKED: 'The module is already unlocked.'
      },
      justification: 'Justification',
      justificationHint: 'At least {{count}} characters. It goes into the audit trail and the register.',
      tooShort: 'The justification must be at least {{count}} characters long.',
      approve: 'Approve',
      revoke: 'Revoke',
      submitting: 'Saving…',
      cancel: 'Cancel'
    },
    approvals: {
      title: 'Approvals',
      none: 'No approval.',
      current: 'current',
      stale: 'lapsed',
      staleHint: 'Given on an earlier version of the dossier.',
      columns: { by: 'Person', role: 'Role', at: 'Date', justification: 'Justification', state: 'State' }
    },
    history: {
      columns: { at: 'Date', actor: 'Person', action: 'Action', change: 'State change', note: 'Detail' },
      becomes: 'becomes',
      kinds: {
        'attach-document': 'Document attached',
        'withdraw-document': 'Document withdrawn',
        approve: 'Approval',
        revoke: 'Revocation',
        transition: 'State change (time limit)',
        'export-register': 'Register export',
        'install-rule-pack': 'Rule pack installed',
        'rule-pack-change': 'Rule pack change'
      }
    },
    withdraw: {
      title: 'Withdraw “{{reference}}”',
      description:
        'The document stays stored and visible, but no longer counts in any dossier: the modules relying on it lock. Withdrawal is final.',
      submit: 'Withdraw the document',
      submitting: 'Withdrawing…'
    }
  },
  errors: {
    withCode: '{{message}} ({{code}})',
    unexpected: 'Unexpected error: {{message}}'
  }
}
