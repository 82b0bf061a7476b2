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
  errors: {
    withCode: '{{message}} ({{code}})',
    unexpected: 'Unexpected error: {{message}}'
  }
}
