/**
 * French is the reference language of Vigie: operators of a CSU work in French, and the legal vocabulary
 * (AIPD, arrêté préfectoral…) keeps its French terms. Every other locale must mirror these keys exactly
 * (the English file is typed against this one).
 *
 * Glossary kept consistent across screens: « mur d'images » (video wall), « vignette » (one tile of the wall),
 * « caméra », « santé » (health of a camera's stream), « latence », « transcodé », « DÉMO ».
 */
export const fr = {
  app: {
    name: 'Vigie',
    tagline: 'Centre de supervision urbain',
    skipToContent: 'Aller au contenu',
    loading: 'Chargement…',
    dismiss: 'Fermer',
    demoBanner: 'DÉMO',
    demoBannerDetail: "Site de démonstration : ces images ne proviennent pas de caméras de la ville.",
    settingsNotSaved: "Réglage non enregistré : {{message}}",
    configError: '{{message}} Les caméras de ce fichier ne sont pas affichées tant qu’il n’est pas corrigé.',
    loadFailed: 'Chargement impossible : {{message}}'
  },
  nav: {
    label: 'Navigation principale',
    wall: "Mur d'images",
    cameras: 'Caméras',
    about: 'À propos'
  },
  locale: {
    label: "Langue de l'interface",
    fr: 'Français',
    en: 'English',
    frShort: 'FR',
    enShort: 'EN'
  },
  connection: {
    connecting: 'Connexion au service Vigie…',
    failedTitle: 'Impossible de joindre le service Vigie',
    lostTitle: 'Connexion au service Vigie perdue',
    lostBody: 'Les images et les états affichés ne sont plus à jour.',
    reasons: {
      noPort: "L'application n'a pas transmis de canal vers le service.",
      refused: 'Le service a refusé la connexion ou ne répond pas.',
      timeout: "Le service n'a pas répondu à temps."
    },
    reconnect: 'Se reconnecter'
  },
  health: {
    label: 'Santé',
    live: 'en direct',
    connecting: 'connexion…',
    stalled: 'figée',
    reconnecting: 'reconnexion…',
    failed: 'en échec',
    unknown: 'état inconnu',
    attempt: 'tentative {{attempt}}',
    since: 'depuis {{time}}'
  },
  badges: {
    demo: 'DÉMO',
    demoTitle: 'Caméra du site de démonstration',
    transcoded: 'transcodé',
    transcodedTitle: 'Flux réencodé par Vigie : la latence est un peu plus élevée.'
  },
  wall: {
    title: "Mur d'images",
    layout: {
      label: 'Disposition du mur',
      option1: '1',
      option2x2: '2×2',
      option3x3: '3×3',
      option4x4: '4×4',
      title1: 'Une seule vignette',
      title2x2: 'Grille de 2 × 2 vignettes',
      title3x3: 'Grille de 3 × 3 vignettes',
      title4x4: 'Grille de 4 × 4 vignettes'
    },
    sidebar: {
      title: 'Caméras',
      hint: 'Glissez une caméra sur une vignette, ou cliquez dessus pour la placer sur la première vignette libre.',
      empty: 'Aucune caméra configurée.',
      place: 'Placer « {{name}} » sur le mur'
    },
    tile: {
      label: 'Vignette {{number}}',
      labelWithCamera: 'Vignette {{number}} : {{name}}',
      empty: 'Vignette libre',
      emptyHint: 'Glissez une caméra ici',
      missingCamera: 'Caméra introuvable ({{id}})',
      disabledCamera: 'Caméra désactivée',
      latency: 'Latence',
      latencyValue: '{{value}} s',
      menu: 'Actions de la vignette {{number}}',
      chooseCamera: 'Choisir une caméra',
      remove: 'Retirer',
      overlays: "Incrustations d'analyse",
      noCameras: 'Aucune caméra disponible',
      singleViewHint: 'Double-cliquez ou appuyez sur Échap pour revenir au mur.'
    },
    player: {
      unsupported: 'Lecture vidéo non prise en charge par ce navigateur.',
      codec: 'Format vidéo non pris en charge : {{codec}}',
      decode: 'Erreur de décodage vidéo, reprise du flux…',
      stream: 'Flux indisponible : {{message}}'
    },
    singleView: 'Vue unique : vignette {{number}}',
    backToWall: 'Revenir au mur'
  },
  cameras: {
    title: 'Caméras',
    intro: "Caméras du centre de supervision. Les modifications s'appliquent immédiatement au mur d'images.",
    add: 'Ajouter une caméra',
    empty: 'Aucune caméra configurée.',
    loadFailed: 'Impossible de charger les caméras : {{message}}',
    demoNote:
      "Site de démonstration : ses caméras sont en lecture seule. Ajouter votre première caméra remplace le site de démonstration.",
    readOnly: 'lecture seule',
    disabled: 'désactivée',
    columns: {
      name: 'Nom',
      id: 'Identifiant',
      source: 'Source',
      transport: 'Transport',
      transcode: 'Transcodage',
      group: 'Groupe',
      health: 'Santé',
      actions: 'Actions'
    },
    actions: {
      edit: 'Modifier',
      remove: 'Supprimer',
      editNamed: 'Modifier « {{name}} »',
      removeNamed: 'Supprimer « {{name}} »'
    },
    transport: { tcp: 'TCP', udp: 'UDP' },
    transcode: { auto: 'automatique', always: 'toujours' },
    form: {
      addTitle: 'Ajouter une caméra',
      editTitle: 'Modifier « {{name}} »',
      description: 'Adresse RTSP ou HTTP du flux de la caméra. Le service vérifie chaque champ.',
      name: 'Nom',
      namePlaceholder: 'Place de la République',
      id: 'Identifiant',
      idHint: 'Lettres minuscules, chiffres, « - » et « _ ». Ne se modifie plus ensuite.',
      source: 'Adresse du flux',
      sourcePlaceholder: 'rtsp://utilisateur:motdepasse@192.0.2.10:554/flux1',
      sourceRedactedHint:
        "Les identifiants sont masqués : laissez l'adresse telle quelle pour les conserver, ou ressaisissez-la complète pour la changer.",
      transport: 'Transport RTSP',
      transcode: 'Transcodage',
      transcodeAuto: 'Automatique (si nécessaire)',
      transcodeAlways: 'Toujours',
      group: 'Groupe',
      enabled: 'Caméra activée',
      test: 'Tester la connexion',
      testing: 'Test en cours…',
      testOk: 'Flux joignable',
      testFailed: 'Flux injoignable',
      probeDetails: '{{codec}} · {{width}} × {{height}}',
      cancel: 'Annuler',
      save: 'Enregistrer',
      saving: 'Enregistrement…'
    },
    remove: {
      title: 'Supprimer la caméra',
      body: "Supprimer « {{name}} » ? Elle disparaîtra du mur d'images de tous les postes.",
      confirm: 'Supprimer',
      removing: 'Suppression…',
      cancel: 'Annuler'
    }
  },
  about: {
    title: 'À propos',
    product: 'Produit',
    version: 'Version',
    mode: 'Mode',
    modes: { desktop: 'application de bureau', browser: 'navigateur (service local)' },
    demo: 'Site de démonstration',
    demoOn: 'actif',
    demoOff: 'inactif',
    ffmpeg: 'ffmpeg',
    ffmpegAvailable: 'disponible',
    ffmpegMissing: 'introuvable',
    ffmpegSource: 'source : {{source}}',
    notices: 'Composants tiers',
    noticesEmpty: 'Aucune notice.',
    noticeColumns: { name: 'Composant', licence: 'Licence', attribution: 'Attribution', url: 'Adresse' },
    assets: 'Ressources',
    assetsEmpty: 'Aucune ressource déclarée.',
    assetColumns: { id: 'Ressource', kind: 'Type', status: 'État', path: 'Emplacement' },
    assetPresent: 'présente',
    assetMissing: 'manquante',
    assetsMissingHint: 'Des ressources manquent : lancez npm run assets.',
    loadFailed: 'Chargement impossible : {{message}}'
  },
  errors: {
    withCode: '{{message}} ({{code}})',
    unexpected: 'Erreur inattendue : {{message}}'
  }
}

export type Messages = typeof fr
