/**
 * French is the reference language of Vigie: operators of a CSU work in French, and the legal vocabulary
 * (AIPD, arrêté préfectoral…) keeps its French terms. Every other locale must mirror these keys exactly
 * (the English file is typed against this one).
 *
 * Glossary kept consistent across screens: « mur d'images » (video wall), « vignette » (one tile of the wall),
 * « caméra », « santé » (health of a camera's stream), « latence », « transcodé », « DÉMO », « compte »
 * (account), « identifiant » (username), « verrouillé » (locked: a session after idle time, or an account after
 * failed sign-ins), « journal d'audit », « déployeur » (the body that runs the system, in the CNIL's sense),
 * « module » (one analytics function the compliance lock governs), « dossier » (what a module's unlock rests on),
 * « pièce » (one document of a dossier), « référentiel » (a rule pack), « AIPD » (DPIA), « zone » and « ligne de
 * franchissement » (tripwire) drawn on a camera's image, « masque de confidentialité » (privacy mask), « règle » (what
 * watches a zone or line), « incrustations » (analytics overlays on a tile), « événement » (what a rule raised).
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
    events: 'Événements',
    playback: 'Relecture',
    cameras: 'Caméras',
    users: 'Comptes',
    organisation: 'Organisation',
    audit: "Journal d'audit",
    compliance: 'Conformité',
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
      overlaysToggle: "Incrustations d'analyse de la vignette {{number}}",
      overlaysTitle: "Afficher ou masquer les incrustations d'analyse (touche O)",
      overlaysIdle: "Incrustations d'analyse : aucune analyse en service sur cette caméra",
      editScene: 'Zones et règles…',
      noCameras: 'Aucune caméra disponible',
      singleViewHint: 'Double-cliquez ou appuyez sur Échap pour revenir au mur.'
    },
    analytics: {
      label: 'Analyses de la caméra',
      running: '{{name}} : en service',
      stopped: "{{name}} : à l'arrêt",
      unreported: '{{name}} : état non communiqué',
      runningTitle: 'En service depuis le {{date}}, {{frames}} images analysées.',
      why: 'Pourquoi ?',
      whyNamed: 'Conformité du module « {{name}} »'
    },
    player: {
      unsupported: 'Lecture vidéo non prise en charge par ce navigateur.',
      codec: 'Format vidéo non pris en charge : {{codec}}',
      decode: 'Erreur de décodage vidéo, reprise du flux…',
      stream: 'Flux indisponible : {{message}}'
    },
    overlay: {
      track: '{{label}} n° {{id}}',
      counts: 'Comptages',
      countIn_one: '{{count}} entrée',
      countIn_other: '{{count}} entrées',
      countOut_one: '{{count}} sortie',
      countOut_other: '{{count}} sorties',
      occupancy_one: '{{count}} présent',
      occupancy_other: '{{count}} présents'
    },
    singleView: 'Vue unique : vignette {{number}}',
    backToWall: 'Revenir au mur'
  },
  cameras: {
    detector: {
      label: 'Détecteur d’objets (toutes les caméras)',
      hint: 'NanoDet-Plus par défaut. Un changement redémarre les analyses en cours et figure au journal d’audit.',
      missing: '{{name}} (non installé : npm run assets)'
    },
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
      recording: 'Enregistrement',
      actions: 'Actions'
    },
    actions: {
      edit: 'Modifier',
      remove: 'Supprimer',
      editNamed: 'Modifier « {{name}} »',
      removeNamed: 'Supprimer « {{name}} »',
      scene: 'Zones et règles',
      sceneNamed: 'Zones et règles de « {{name}} »',
      recording: 'Enregistrement',
      recordingNamed: 'Enregistrement de « {{name}} »'
    },
    recording: {
      legend: 'Enregistrement',
      dialogTitle: 'Enregistrement de « {{name}} »',
      loadFailed: 'Réglages d’enregistrement illisibles : {{message}}',
      enabled: 'Enregistrer cette caméra',
      retention: 'Durée de conservation (jours)',
      retentionHint:
        '{{max}} jours au plus : le Code de la sécurité intérieure (art. L252-5) limite à un mois la conservation des images de vidéoprotection, hors procédure judiciaire (réquisition). Le référentiel de conformité peut l’abaisser.',
      retentionInvalid: 'La durée de conservation doit être un nombre entier de jours, de 1 à {{max}} (CSI L252-5).',
      quota: 'Quota de la caméra (Go)',
      quotaPlaceholder: 'aucun',
      quotaHint: 'Facultatif. Une fois atteint, les enregistrements les plus anciens de la caméra sont supprimés en premier.',
      quotaInvalid: 'Le quota doit être un nombre de Go supérieur à zéro, ou rester vide.',
      since: 'depuis le {{date}}',
      states: {
        recording: 'enregistre',
        recordingTitle: 'L’enregistrement est en cours.',
        stopped: 'arrêté',
        stoppedTitle: 'La caméra n’enregistre pas (désactivée ou en attente de son flux).',
        failed: 'en échec',
        failedTitle: 'L’enregistreur ne parvient pas à écrire.',
        disabled: 'désactivé',
        disabledTitle: 'L’enregistrement de cette caméra est désactivé.'
      }
    },
    storage: {
      title: 'Stockage des enregistrements',
      intro:
        'Sous ces seuils, les enregistrements les plus anciens sont supprimés en premier, jamais ceux placés sous réquisition ; les superviseurs en sont avertis.',
      loadFailed: 'Réglages de stockage illisibles : {{message}}',
      total: 'Quota total (Go)',
      totalPlaceholder: 'aucun',
      totalHint: 'Toutes caméras confondues. Vide : seul l’espace libre du disque compte.',
      totalInvalid: 'Le quota total doit être un nombre de Go supérieur à zéro, ou rester vide.',
      minFree: 'Espace libre à préserver (Go)',
      minFreeHint: 'En dessous, les plus anciens enregistrements sont supprimés et les superviseurs alertés.',
      freeInvalid: 'L’espace libre à préserver doit être un nombre de Go, zéro ou plus.',
      used: 'Occupé par les enregistrements',
      save: 'Enregistrer les seuils',
      saving: 'Enregistrement…',
      saved: 'Seuils enregistrés.'
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
      analytics: "Modules d'analyse demandés",
      analyticsHint:
        'Un module coché ne tourne que si le verrou de conformité l’autorise pour cette caméra ; sinon la vignette dit pourquoi.',
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
  roles: {
    operator: 'Opérateur',
    supervisor: 'Superviseur',
    dpo: 'DPO',
    admin: 'Administrateur'
  },
  roleHints: {
    operator: "regarde le mur d'images",
    supervisor: "mur d'images, journal d'audit, dossiers de conformité et approbations",
    dpo: "délégué à la protection des données : journal d'audit, dossiers de conformité et approbations",
    admin: 'caméras, comptes, organisation et référentiels de règles'
  },
  deployers: {
    commune: 'Commune',
    'police-municipale': 'Police municipale',
    'police-nationale': 'Police nationale',
    gendarmerie: 'Gendarmerie nationale',
    douanes: 'Douanes',
    transport: 'Exploitant de transport',
    'site-prive': 'Site privé'
  },
  password: {
    rulesTitle: 'Le mot de passe doit :',
    minLength: 'compter au moins {{count}} caractères',
    notCommon: 'ne pas être un mot de passe courant (vérifié par le service)',
    notUsername: "ne pas contenir l'identifiant",
    met: 'respectée',
    unmet: 'non respectée',
    pending: "vérifiée à l'enregistrement",
    mismatch: 'La confirmation ne correspond pas au mot de passe.'
  },
  session: {
    starting: 'Ouverture de la session…',
    unavailableTitle: 'Le service Vigie ne peut pas ouvrir de session',
    retry: 'Réessayer',
    setup: {
      title: 'Première mise en service',
      intro:
        "Aucun compte n'existe encore. Décrivez l'organisation qui exploite le système, puis créez le premier compte administrateur.",
      organisation: 'Organisation',
      orgName: "Nom de l'organisation",
      orgNamePlaceholder: 'Ville de Montreuil-sur-Loire',
      deployer: 'Type de déployeur',
      deployerChoose: 'Choisir…',
      deployerHint: 'Il détermine ce que la réglementation autorise au système.',
      deployerMissing: 'Choisissez le type de déployeur.',
      dpo: 'Contact du DPO',
      dpoHint: 'Adresse électronique ou téléphone du délégué à la protection des données.',
      admin: 'Premier administrateur',
      username: 'Identifiant',
      usernameHint: 'Lettres, chiffres, « . », « - » et « _ ».',
      displayName: 'Nom affiché',
      displayNamePlaceholder: 'Camille Martin',
      password: 'Mot de passe',
      passwordConfirm: 'Confirmation du mot de passe',
      submit: 'Créer le compte et se connecter',
      submitting: 'Création…'
    },
    login: {
      title: 'Connexion',
      intro: 'Identifiez-vous pour accéder à la console.',
      username: 'Identifiant',
      password: 'Mot de passe',
      submit: 'Se connecter',
      submitting: 'Connexion…',
      ended: {
        logout: 'Votre session a été fermée.',
        disabled: 'Votre compte a été désactivé. Adressez-vous à un administrateur.',
        expired: 'Votre session a expiré. Identifiez-vous à nouveau.'
      }
    },
    lock: {
      title: 'Session verrouillée',
      who: '{{name}} ({{username}})',
      body: "La session s'est verrouillée après une période d'inactivité. Saisissez votre mot de passe pour reprendre.",
      password: 'Mot de passe',
      submit: 'Déverrouiller',
      submitting: 'Vérification…',
      switchUser: "Changer d'utilisateur"
    },
    menu: {
      label: 'Compte de {{name}}',
      roles: 'Rôles : {{roles}}',
      changePassword: 'Changer le mot de passe',
      logout: 'Se déconnecter'
    },
    changePassword: {
      title: 'Changer le mot de passe',
      description: "Le nouveau mot de passe remplace l'actuel dès l'enregistrement.",
      current: 'Mot de passe actuel',
      next: 'Nouveau mot de passe',
      confirm: 'Confirmation du nouveau mot de passe',
      submit: 'Enregistrer',
      submitting: 'Enregistrement…',
      cancel: 'Annuler',
      done: 'Mot de passe modifié.',
      close: 'Fermer'
    }
  },
  users: {
    title: 'Comptes',
    intro: "Les personnes autorisées à utiliser la console, leurs rôles et les groupes de caméras qu'elles peuvent voir.",
    add: 'Créer un compte',
    empty: 'Aucun compte.',
    loadFailed: 'Impossible de charger les comptes : {{message}}',
    allGroups: 'toutes',
    noGroups: 'aucune',
    columns: {
      username: 'Identifiant',
      displayName: 'Nom',
      roles: 'Rôles',
      groups: 'Groupes de caméras',
      state: 'État',
      actions: 'Actions'
    },
    state: {
      active: 'actif',
      disabled: 'désactivé',
      locked: "verrouillé jusqu'à {{time}}"
    },
    actions: {
      edit: 'Modifier',
      reset: 'Réinitialiser le mot de passe',
      editNamed: 'Modifier le compte « {{username}} »',
      resetNamed: 'Réinitialiser le mot de passe de « {{username}} »'
    },
    form: {
      createTitle: 'Créer un compte',
      editTitle: 'Modifier le compte « {{username}} »',
      username: 'Identifiant',
      usernameHint: 'Lettres, chiffres, « . », « - » et « _ ». Ne se modifie plus ensuite.',
      displayName: 'Nom affiché',
      roles: 'Rôles',
      rolesMissing: 'Choisissez au moins un rôle.',
      groups: 'Groupes de caméras',
      groupsHint: 'Séparés par des virgules, par exemple : centre-ville, gare.',
      allGroups: 'Toutes les caméras',
      allGroupsHint: 'Les administrateurs voient toujours toutes les caméras.',
      password: 'Mot de passe initial',
      disabled: 'Compte désactivé',
      disabledHint: 'La personne ne peut plus se connecter.',
      cancel: 'Annuler',
      create: 'Créer le compte',
      save: 'Enregistrer',
      saving: 'Enregistrement…'
    },
    reset: {
      title: 'Réinitialiser le mot de passe de « {{username}} »',
      description: "Le nouveau mot de passe remplace l'ancien dès l'enregistrement : communiquez-le à la personne.",
      password: 'Nouveau mot de passe',
      submit: 'Réinitialiser',
      submitting: 'Réinitialisation…',
      cancel: 'Annuler'
    }
  },
  organisation: {
    title: 'Organisation',
    intro: "Profil de l'organisation qui exploite le système, délai de verrouillage des postes et durée de conservation du journal d'audit.",
    loadFailed: "Impossible de charger l'organisation : {{message}}",
    name: "Nom de l'organisation",
    deployer: 'Type de déployeur',
    dpo: 'Contact du DPO',
    idle: 'Verrouillage après inactivité (minutes)',
    idleHint: 'De {{min}} à {{max}} minutes.',
    retention: "Conservation du journal d'audit (jours)",
    retentionHint: 'Au moins {{min}} jours (six mois), au plus {{max}}.',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Organisation enregistrée.'
  },
  audit: {
    title: "Journal d'audit",
    intro: 'Qui a fait quoi, quand et depuis quel poste. Les entrées sont chaînées : toute altération apparaît à la vérification.',
    filters: {
      label: 'Filtres du journal',
      actor: 'Personne',
      actorPlaceholder: 'identifiant',
      camera: 'Caméra',
      cameraPlaceholder: 'identifiant de caméra',
      action: 'Action',
      anyAction: 'Toutes les actions',
      from: 'Du',
      to: 'Au',
      apply: 'Appliquer',
      clear: 'Effacer les filtres'
    },
    columns: {
      at: 'Date',
      actor: 'Personne',
      action: 'Action',
      camera: 'Caméra',
      target: 'Cible',
      workstation: 'Poste',
      details: 'Détails'
    },
    system: 'système',
    seq: 'n° {{seq}}',
    loadFailed: 'Impossible de lire le journal : {{message}}',
    empty: 'Aucune entrée pour ces filtres.',
    more: 'Plus ancien',
    loadingMore: 'Chargement…',
    start: 'Début du journal atteint.',
    verify: "Vérifier l'intégrité",
    verifying: 'Vérification…',
    verifyOk_one: 'Chaîne intègre : {{total}} entrée vérifiée',
    verifyOk_other: 'Chaîne intègre : {{total}} entrées vérifiées',
    verifyBroken: "Chaîne rompue à l'entrée n° {{seq}}",
    verifyBrokenUnknown: 'Chaîne rompue',
    checkpoint: "Vérifiée depuis le point de contrôle n° {{seq}} (entrées plus anciennes purgées à l'échéance de conservation).",
    verifiedAt: 'Vérification du {{date}}.',
    exportCsv: 'Exporter en CSV',
    exportPdf: 'Exporter en PDF',
    exporting: 'Export en cours…',
    exportHint: 'Les exports reprennent les filtres appliqués.',
    exported_one: '{{fileName}} : {{total}} entrée exportée.',
    exported_other: '{{fileName}} : {{total}} entrées exportées.',
    actions: {
      auth: {
        login: 'Connexion',
        'login-failed': 'Échec de connexion',
        'account-locked': 'Compte verrouillé',
        logout: 'Déconnexion'
      },
      session: {
        'idle-lock': 'Verrouillage pour inactivité',
        unlock: 'Déverrouillage'
      },
      account: {
        'password-change': 'Changement de mot de passe',
        create: 'Création de compte',
        update: 'Modification de compte',
        'password-reset': 'Réinitialisation de mot de passe'
      },
      organisation: { update: "Modification de l'organisation" },
      setup: { 'first-admin': 'Mise en service (premier administrateur)' },
      camera: {
        add: 'Ajout de caméra',
        update: 'Modification de caméra',
        remove: 'Suppression de caméra'
      },
      scene: { update: 'Modification des zones, masques et règles' },
      analytics: { detector: 'Changement du détecteur d’objets' },
      events: { purge: 'Suppression d’alertes et d’images échues' },
      recording: {
        policy: 'Modification de l’enregistrement d’une caméra',
        storage: 'Modification des quotas de stockage',
        purge: 'Suppression d’enregistrements',
        hold: 'Mise sous réquisition d’enregistrements',
        release: 'Levée d’une réquisition'
      },
      mask: {
        'lift-request': 'Demande de levée de masques',
        'lift-approve': 'Autorisation de levée de masques',
        'lift-end': 'Fin de levée de masques'
      },
      settings: { update: 'Modification des réglages du poste' },
      live: {
        start: 'Début de visionnage en direct',
        stop: 'Fin de visionnage en direct'
      },
      playback: { view: "Consultation d'enregistrement" },
      export: { create: 'Extraction vidéo' },
      audit: {
        export: "Export du journal d'audit",
        purge: 'Purge de conservation du journal'
      },
      compliance: { action: 'Action de conformité' },
      alert: { decision: "Décision sur une alerte" }
    }
  },
  compliance: {
    title: 'Conformité',
    intro:
      "Ce que la réglementation permet aux modules d'analyse de cette installation, les pièces qui les débloquent et qui les a approuvés. Un module ne fonctionne que déverrouillé.",
    loadFailed: 'Impossible de charger la conformité : {{message}}',
    rulePack: {
      label: 'Règles applicables',
      pack: 'Référentiel',
      version: 'Version',
      effective: 'En vigueur depuis le',
      jurisdiction: 'Juridiction',
      deployer: 'Déployeur',
      deployerUnset: "non renseigné : le profil de l'organisation doit le préciser"
    },
    families: {
      lapi: 'LAPI (lecture automatisée des plaques)',
      detection: "Détection d'événements",
      foule: 'Analyse de foule',
      biometrie: 'Biométrie'
    },
    modules: {
      'lapi-securite': 'LAPI – sécurité publique',
      'lapi-stationnement': 'LAPI – stationnement',
      'detection-objet-abandonne': 'Objet abandonné',
      'detection-objet-retire': 'Objet retiré',
      'detection-intrusion': 'Intrusion',
      'detection-sortie-zone': 'Sortie de zone',
      'detection-mouvement-inhabituel': 'Mouvement inhabituel',
      'foule-alertes': 'Alertes de foule',
      'comptage-personnes': 'Comptage de personnes',
      'reconnaissance-faciale': 'Reconnaissance faciale',
      'categorisation-biometrique': 'Catégorisation biométrique',
      'inference-emotions': 'Inférence des émotions'
    },
    states: {
      FORBIDDEN: 'INTERDIT',
      LOCKED: 'VERROUILLÉ',
      READY: 'PRÊT',
      UNLOCKED: 'DÉVERROUILLÉ',
      EXPIRED: 'EXPIRÉ',
      REVOKED: 'RÉVOQUÉ'
    },
    stateHints: {
      FORBIDDEN: 'La réglementation interdit ce module à ce déployeur : aucune pièce ne peut le débloquer.',
      LOCKED: 'Des pièces du dossier manquent ou ne conviennent pas.',
      READY: 'Dossier complet : il attend les approbations.',
      UNLOCKED: 'Le module peut fonctionner sur les caméras de son périmètre.',
      EXPIRED: 'Une pièce du dossier a expiré : le module est arrêté.',
      REVOKED: 'Une approbation a été révoquée : le module est arrêté.'
    },
    uncertain: 'à confirmer',
    uncertainHint: "Point de l'analyse juridique qui reste à confirmer.",
    missing: 'Ce qui manque',
    expiresIn_one: 'expire dans {{count}} jour',
    expiresIn_other: 'expire dans {{count}} jours',
    expiresToday: "expire aujourd'hui",
    expiresOn: 'Fin du déverrouillage le {{date}}.',
    approvalsCount: 'Approbations : {{current}} / {{needed}}',
    approvalsRoles: 'Approbations requises : {{count}}, par : {{roles}}.',
    citations: 'Références',
    readMore: 'Lire la suite',
    readLess: 'Réduire',
    missingMore_one: '{{count}} autre pièce manquante',
    missingMore_other: '{{count}} autres pièces manquantes',
    citationsCount: 'Références ({{count}})',
    openDossier: 'Ouvrir le dossier',
    openDossierNamed: 'Ouvrir le dossier « {{name}} »',
    register: {
      exportPdf: 'Exporter le registre (PDF)',
      exportJson: 'Exporter le registre (JSON)',
      exporting: 'Export en cours…',
      hint: 'Le dossier de conformité complet, pour un contrôle de la CNIL.',
      exported: '{{fileName}} téléchargé.'
    },
    rulePacks: {
      title: 'Référentiels de règles',
      intro: 'Un référentiel installé prend le relais à sa date d’entrée en vigueur, sans mise à jour du logiciel.',
      loadFailed: 'Impossible de lister les référentiels : {{message}}',
      columns: { pack: 'Référentiel', version: 'Version', effective: 'En vigueur le', jurisdiction: 'Juridiction', source: 'Origine' },
      active: 'actif',
      sources: { bundled: 'fourni avec Vigie', installed: 'installé' },
      install: 'Installer un référentiel (fichier .json)',
      installing: 'Installation…',
      installed: 'Référentiel {{id}} version {{version}} installé, en vigueur le {{date}}.'
    },
    dossier: {
      back: 'Tous les modules',
      title: 'Dossier : {{name}}',
      loadFailed: 'Impossible de charger le dossier : {{message}}',
      forbiddenTitle: 'Module interdit',
      requirements: 'Pièces exigées',
      requirementsNone: "Aucune pièce n'est exigée pour ce module.",
      issuedBy: 'délivrée par : {{issuer}}',
      satisfied: 'fournie',
      notSatisfied: 'manquante',
      perimeter: 'Caméras couvertes par le déverrouillage',
      perimeterAll: 'toute l’installation',
      limits: "Conditions d'emploi",
      limitRetention_one: 'Images conservées {{count}} jour au plus.',
      limitRetention_other: 'Images conservées {{count}} jours au plus.',
      limitHumanConfirmation: 'Chaque alerte est confirmée par un opérateur avant toute suite.',
      limitNoBiometrics: 'Aucun traitement biométrique.',
      limitCountsOnly: 'Seuls les comptages sont conservés, jamais les images.',
      documents: 'Pièces jointes',
      documentsNone: 'Aucune pièce jointe.',
      history: 'Historique',
      historyNone: 'Aucune action enregistrée pour ce module.'
    },
    documents: {
      columns: {
        type: 'Pièce',
        issuer: 'Émetteur',
        dates: 'Dates',
        perimeter: 'Caméras',
        fingerprint: 'Empreinte SHA-256',
        pia: 'AIPD',
        attached: 'Jointe par',
        actions: 'Actions'
      },
      reference: 'réf. {{reference}}',
      issuedOn: 'émise le {{date}}',
      expiresOn: 'expire le {{date}}',
      noExpiry: 'sans échéance',
      allCameras: 'toute l’installation',
      withdrawn: 'retirée',
      copy: 'Copier',
      copied: 'Copiée',
      copyNamed: "Copier l'empreinte SHA-256 de « {{reference}} »",
      copyFailed: 'Copie refusée par le navigateur : sélectionnez l’empreinte à la main.',
      preview: 'Aperçu',
      previewNamed: 'Aperçu de « {{reference}} »',
      withdraw: 'Retirer',
      withdrawNamed: 'Retirer « {{reference}} » des dossiers'
    },
    preview: {
      loading: 'Chargement du fichier…',
      loadFailed: 'Impossible de lire le fichier : {{message}}',
      pdfNotEmbedded:
        "La politique de sécurité de la console n'autorise pas l'affichage des PDF dans la page : ouvrez le fichier dans la visionneuse du poste.",
      open: 'Ouvrir',
      truncated: 'Aperçu tronqué : ouvrez le fichier pour le lire en entier.',
      close: 'Fermer'
    },
    attach: {
      open: 'Joindre une pièce',
      title: 'Joindre une pièce au dossier « {{name}} »',
      description:
        "La pièce est conservée telle quelle et identifiée par son empreinte SHA-256 : elle ne pourra plus être modifiée, seulement retirée. Une nouvelle pièce demande de nouvelles approbations.",
      type: 'Type de pièce',
      reference: 'Référence',
      referencePlaceholder: 'Arrêté n° 2025-0412',
      issuer: 'Émetteur',
      issuedOn: 'Émise le',
      expiresOn: 'Expire le',
      expiresOnHint: 'Laisser vide si la pièce est sans échéance.',
      perimeter: 'Caméras couvertes',
      perimeterAll: 'Toute l’installation',
      camerasNone: 'Aucune caméra configurée.',
      cameraIds: 'Identifiants des caméras couvertes',
      cameraIdsHint: "Séparés par des virgules. Votre rôle ne donne pas accès à la liste des caméras : recopiez-les depuis la pièce.",
      file: 'Fichier',
      fileHint: 'PDF, ou export JSON de l’outil PIA de la CNIL ; {{size}} Mo au plus.',
      fileMissing: 'Choisissez le fichier de la pièce.',
      fileTooLarge: 'Fichier trop volumineux : {{size}} Mo au plus.',
      perimeterEmpty: 'Cochez au moins une caméra, ou « Toute l’installation ».',
      submit: 'Joindre',
      submitting: 'Envoi…',
      cancel: 'Annuler'
    },
    decision: {
      approveOpen: 'Approuver',
      revokeOpen: 'Révoquer',
      approveTitle: 'Approuver le module « {{name}} »',
      approveDescription:
        "Votre approbation vaut pour le dossier tel qu'il est aujourd'hui : une nouvelle pièce demandera de nouvelles approbations.",
      revokeTitle: 'Révoquer le module « {{name}} »',
      revokeDescription: 'Le module cesse de fonctionner sur toutes les caméras dès la révocation.',
      approveWarning: {
        LOCKED: 'Le dossier doit être complet avant toute approbation.',
        EXPIRED: 'Une pièce a expiré : joignez sa remplaçante avant toute approbation.',
        UNLOCKED: 'Le module est déjà déverrouillé.'
      },
      justification: 'Justification',
      justificationHint: 'Au moins {{count}} caractères. Elle figure au journal d’audit et au registre.',
      tooShort: 'La justification doit compter au moins {{count}} caractères.',
      approve: 'Approuver',
      revoke: 'Révoquer',
      submitting: 'Enregistrement…',
      cancel: 'Annuler'
    },
    approvals: {
      title: 'Approbations',
      none: 'Aucune approbation.',
      current: 'en vigueur',
      stale: 'caduque',
      staleHint: 'Donnée sur une version antérieure du dossier.',
      columns: { by: 'Personne', role: 'Rôle', at: 'Date', justification: 'Justification', state: 'État' }
    },
    history: {
      columns: { at: 'Date', actor: 'Personne', action: 'Action', change: "Changement d'état", note: 'Détail' },
      becomes: 'devient',
      kinds: {
        'attach-document': 'Pièce jointe',
        'withdraw-document': 'Pièce retirée',
        approve: 'Approbation',
        revoke: 'Révocation',
        transition: "Changement d'état (échéance)",
        'export-register': 'Export du registre',
        'install-rule-pack': 'Installation d’un référentiel',
        'rule-pack-change': 'Changement de référentiel'
      }
    },
    withdraw: {
      title: 'Retirer « {{reference}} »',
      description:
        'La pièce reste conservée et visible, mais ne compte plus dans aucun dossier : les modules qui en dépendent se verrouillent. Le retrait est définitif.',
      submit: 'Retirer la pièce',
      submitting: 'Retrait…'
    }
  },
  analytics: {
    ruleKinds: {
      intrusion: 'Intrusion dans une zone',
      'zone-exit': 'Sortie de zone',
      loitering: 'Présence prolongée (maraudage)',
      'line-crossing': 'Franchissement de ligne',
      'object-left': 'Objet abandonné',
      'object-removed': 'Objet retiré',
      'unusual-movement': 'Mouvement inhabituel',
      'crowd-density': 'Densité de foule',
      'people-counting': 'Comptage de personnes'
    },
    ruleKindHints: {
      intrusion: 'Alerte quand un objet des classes choisies entre dans la zone et y reste au moins la durée indiquée.',
      'zone-exit': 'Alerte quand un objet suivi dans la zone en sort.',
      loitering: 'Alerte quand un objet reste dans la zone plus longtemps que la durée indiquée.',
      'line-crossing': 'Alerte quand un objet franchit la ligne dans le sens choisi.',
      'object-left': 'Alerte quand un bagage reste immobile sans personne à proximité (dans la zone, ou sur toute l’image sans zone).',
      'object-removed': 'Alerte quand l’image de la zone change durablement, comme après l’enlèvement d’un objet.',
      'unusual-movement': 'Alerte sur une vitesse anormale par rapport à l’habitude de la scène, ou sur une dispersion soudaine.',
      'crowd-density': 'Alerte quand la densité de personnes dans la zone franchit les seuils ; la zone doit avoir une surface au sol.',
      'people-counting': 'Compte les entrées et sorties sur une ligne et l’occupation d’une zone. Ne produit ni alerte ni image.'
    },
    eventKinds: {
      intrusion: 'Intrusion',
      'zone-exit': 'Sortie de zone',
      'line-crossing': 'Franchissement de ligne',
      loitering: 'Présence prolongée',
      'object-left': 'Objet abandonné',
      'object-removed': 'Objet retiré',
      'unusual-speed': 'Vitesse inhabituelle',
      dispersal: 'Dispersion soudaine',
      'crowd-density': 'Densité de foule',
      'people-count': 'Comptage'
    },
    priorities: { low: 'Basse', normal: 'Normale', high: 'Haute' },
    classGroups: { person: 'Personnes', vehicle: 'Véhicules', 'two-wheeler': 'Deux-roues', bag: 'Bagages', other: 'Autres objets' },
    classLabels: {
      person: 'personne',
      car: 'voiture',
      bus: 'bus',
      truck: 'camion',
      bicycle: 'vélo',
      motorcycle: 'moto',
      backpack: 'sac à dos',
      handbag: 'sac à main',
      suitcase: 'valise'
    },
    directions: { 'A->B': 'De A vers B', 'B->A': 'De B vers A', both: 'Dans les deux sens' },
    densityLevels: { normal: 'normale', elevated: 'élevée', critical: 'critique' }
  },
  scene: {
    panelLabel: 'Éléments de la scène',
    title: 'Zones et règles : {{name}}',
    description:
      'Dessinez sur l’image les zones, les lignes de franchissement et les masques de confidentialité, puis les règles qui les surveillent. Les tracés sont relatifs à l’image : ils restent valables si la résolution change.',
    loading: 'Chargement de la scène…',
    loadFailed: 'Impossible de charger la scène : {{message}}',
    retry: 'Réessayer',
    save: 'Enregistrer',
    saving: 'Enregistrement…',
    saved: 'Scène enregistrée : les analyses en cours l’appliquent dès maintenant.',
    saveFailed: 'Enregistrement refusé : {{message}}',
    close: 'Fermer',
    unsaved: 'Modifications non enregistrées',
    issuesCount_one: '{{count}} point à corriger avant d’enregistrer.',
    issuesCount_other: '{{count}} points à corriger avant d’enregistrer.',
    tools: {
      label: 'Outils de dessin',
      select: 'Sélection',
      zone: 'Zone',
      line: 'Ligne',
      mask: 'Masque',
      selectTitle: 'Sélectionner et modifier (V)',
      zoneTitle: 'Dessiner une zone (Z)',
      lineTitle: 'Tracer une ligne de franchissement (L)',
      maskTitle: 'Dessiner un masque de confidentialité (M)'
    },
    undo: 'Annuler',
    redo: 'Rétablir',
    undoTitle: 'Annuler la dernière modification (Ctrl+Z)',
    redoTitle: 'Rétablir la modification annulée (Ctrl+Maj+Z)',
    hints: {
      select:
        'Cliquez une forme pour la sélectionner ; faites glisser un sommet ou la forme entière. Double-cliquez un bord pour ajouter un sommet. Suppr efface le sommet ou la forme sélectionnés.',
      zone: 'Cliquez pour placer les sommets ; cliquez le premier sommet ou appuyez sur Entrée pour fermer la zone. Retour arrière retire le dernier sommet, Échap annule le tracé.',
      mask: 'Cliquez pour placer les sommets ; cliquez le premier sommet ou appuyez sur Entrée pour fermer le masque. Retour arrière retire le dernier sommet, Échap annule le tracé.',
      line: 'Cliquez le point de départ puis le point d’arrivée. Le côté A est à gauche dans le sens du tracé, le côté B à droite. Échap annule le tracé.'
    },
    stage: {
      label: 'Image de « {{name}} » : zone de dessin',
      keyboard:
        'Au clavier : V sélection, Z zone, L ligne, M masque. Flèches : déplacer le curseur, le sommet ou la forme sélectionnés (Maj : plus vite). Espace : placer un point. Entrée : fermer le polygone. Échap : annuler le tracé. Suppr : effacer la sélection. Ctrl+Z : annuler.',
      noImage: 'Image pas encore disponible : le cadre suppose un format 16:9 en attendant la vidéo.',
      vertex: 'Sommet {{number}} de « {{name}} »',
      vertexRole: 'sommet déplaçable'
    },
    announce: {
      created: '« {{name}} » créé.',
      point_one: '{{count}} point placé.',
      point_other: '{{count}} points placés.',
      cancelled: 'Tracé annulé.',
      deleted: '« {{name}} » supprimé.',
      keepThree: 'Un polygone garde au moins trois sommets.',
      undone: 'Modification annulée.',
      redone: 'Modification rétablie.',
      ruleAdded: 'Règle « {{name}} » ajoutée.'
    },
    defaults: {
      zone: 'Zone {{number}}',
      line: 'Ligne {{number}}',
      mask: 'Masque {{number}}'
    },
    item: {
      name: 'Nom',
      select: 'Sélectionner',
      selectNamed: 'Sélectionner « {{name}} » sur l’image',
      delete: 'Supprimer',
      deleteNamed: 'Supprimer « {{name}} »',
      id: 'identifiant {{id}}',
      vertices_one: '{{count}} sommet',
      vertices_other: '{{count}} sommets',
      usedBy_one: 'utilisée par {{count}} règle',
      usedBy_other: 'utilisée par {{count}} règles'
    },
    zones: {
      title: 'Zones',
      empty: 'Aucune zone. Choisissez l’outil Zone puis cliquez sur l’image.',
      area: 'Surface au sol (m²)',
      areaHint: 'La surface au sol, mesurée sur place ou sur un plan, est nécessaire pour la densité de foule.',
      selfIntersecting: 'Les bords de ce polygone se croisent : vérifiez le tracé.'
    },
    lines: {
      title: 'Lignes de franchissement',
      empty: 'Aucune ligne. Choisissez l’outil Ligne puis cliquez deux points.',
      swap: 'Inverser A et B',
      swapNamed: 'Inverser les côtés A et B de « {{name}} »',
      sides: 'Côté A à gauche, côté B à droite, dans le sens de la flèche.'
    },
    masks: {
      title: 'Masques de confidentialité',
      intro: 'Ce qu’ils couvrent est effacé avant toute analyse et sur toute image conservée (lieux privés, CSI art. L251-3).',
      empty: 'Aucun masque.'
    },
    rules: {
      title: 'Règles',
      empty: 'Aucune règle : une zone ou une ligne seule ne déclenche rien.',
      add: 'Ajouter une règle',
      kind: 'Type de règle',
      chooseKind: 'Choisir…',
      create: 'Créer la règle',
      cancel: 'Annuler',
      defaultName: '{{kind}} {{number}}',
      zone: 'Zone surveillée',
      line: 'Ligne surveillée',
      zoneOptional: 'Aucune (toute l’image)',
      lineOptional: 'Aucune',
      countingZoneNone: 'Aucune (pas de comptage des présents)',
      countingLineNone: 'Aucune (pas de comptage des entrées et sorties)',
      choose: 'Choisir…',
      noZones: 'Dessinez d’abord une zone.',
      noLines: 'Tracez d’abord une ligne.',
      enabled: 'Règle active',
      disabled: 'désactivée',
      priority: 'Priorité des alertes',
      parameters: 'Paramètres',
      module: 'Module de conformité : {{name}}',
      countsOnly: 'Comptage seul : ni alerte ni image conservée.',
      expand: 'Modifier « {{name}} »',
      thresholdLow: 'Seuil bas',
      thresholdHigh: 'Seuil haut',
      defaultValue: 'Par défaut : {{value}}',
      atLeast: 'au moins {{value}}',
      moreThan: 'plus de {{value}}',
      atMost: 'au plus {{value}}',
      lessThan: 'moins de {{value}}',
      integer: 'nombre entier'
    },
    run: {
      running: 'En service sur cette caméra',
      stopped: 'À l’arrêt sur cette caméra',
      unreported: 'État non communiqué par le service',
      notRequested: 'Module non demandé pour cette caméra : la règle ne tournera pas tant qu’il n’est pas coché dans la fiche de la caméra.'
    },
    units: {
      seconds: 'secondes',
      px: 'px',
      personsPerM2: 'personnes/m²',
      fraction: 'de 0 à 1',
      factor: '×',
      heightsPerSecond: 'hauteurs de corps/s',
      samples: 'échantillons',
      tracks: 'objets'
    },
    parameters: {
      classes: 'Classes surveillées',
      minDwellSeconds: 'Présence minimale avant alerte',
      dwellSeconds: 'Durée de présence déclenchant l’alerte',
      direction: 'Sens de franchissement',
      hysteresisPx: 'Marge de franchissement',
      oncePerTrack: 'Un seul passage compté par objet et par sens',
      stationarySeconds: 'Immobilité avant alerte',
      stationaryRadiusPx: 'Rayon d’immobilité',
      ownerRadiusPx: 'Rayon de présence du propriétaire',
      persistSeconds: 'Durée du changement avant alerte',
      minChangedFraction: 'Part minimale de la zone modifiée',
      sampleStepPx: 'Pas d’échantillonnage',
      speedFactor: 'Écart de vitesse par rapport à l’habitude',
      minSpeedHeightsPerSecond: 'Vitesse minimale',
      warmupSamples: 'Échantillons d’apprentissage',
      baselineAlpha: 'Poids d’un nouvel échantillon',
      dispersalMinTracks: 'Objets minimum pour une dispersion',
      dispersalAccelerationFactor: 'Accélération de dispersion',
      cooldownSeconds: 'Délai entre deux alertes',
      thresholds: 'Seuils de densité',
      hysteresis: 'Marge de retour au niveau inférieur',
      minHoldSeconds: 'Durée de maintien d’un niveau',
      inDirection: 'Sens compté comme entrée'
    },
    parameterHints: {
      classes: 'Les objets détectés des autres classes sont ignorés par cette règle.',
      minDwellSeconds: '0 : alerte dès l’entrée dans la zone.',
      dwellSeconds: 'Temps passé dans la zone au-delà duquel l’alerte est levée.',
      direction: 'Le côté A est à gauche de la ligne dans le sens de la flèche.',
      hysteresisPx: 'Distance à parcourir de l’autre côté de la ligne pour qu’un passage compte (image d’analyse de 640 px de large).',
      oncePerTrack: 'Un objet qui va et vient sur la ligne ne compte qu’une fois par sens.',
      stationarySeconds: 'Temps d’immobilité d’un bagage avant l’alerte.',
      stationaryRadiusPx: 'Déplacement toléré d’un bagage considéré comme immobile.',
      ownerRadiusPx: 'Une personne plus proche que cette distance est considérée comme son propriétaire.',
      persistSeconds: 'Temps pendant lequel le changement doit durer avant l’alerte.',
      minChangedFraction: 'Part de la zone qui doit avoir changé (0,5 : la moitié).',
      sampleStepPx: 'Écart entre deux points comparés ; plus petit, plus précis mais plus coûteux.',
      speedFactor: 'Alerte quand un objet va ce nombre de fois plus vite que la moyenne apprise.',
      minSpeedHeightsPerSecond: 'En dessous de cette vitesse, jamais d’alerte, quelle que soit l’habitude de la scène.',
      warmupSamples: 'Nombre de mesures avant que l’habitude de la scène ne soit considérée comme apprise.',
      baselineAlpha: 'Poids d’une nouvelle mesure dans la moyenne glissante, une fois l’apprentissage fait.',
      dispersalMinTracks: 'Nombre d’objets s’éloignant ensemble pour parler de dispersion.',
      dispersalAccelerationFactor: 'Accélération, par rapport à la vitesse habituelle, qui signale une dispersion.',
      cooldownSeconds: 'Temps minimal entre deux alertes de cette règle.',
      thresholds: 'Niveau « élevé » au seuil bas, « critique » au seuil haut.',
      hysteresis: 'Un niveau n’est quitté qu’une fois la densité passée de cette fraction sous son seuil.',
      minHoldSeconds: 'Un nouveau niveau doit tenir ce temps avant d’être signalé.',
      inDirection: 'Le côté A est à gauche de la ligne dans le sens de la flèche.'
    },
    discard: {
      title: 'Abandonner les modifications ?',
      body: 'Les zones, lignes, masques et règles modifiés depuis le dernier enregistrement seront perdus.',
      keep: 'Continuer l’édition',
      confirm: 'Abandonner les modifications'
    }
  },
  events: {
    title: 'Événements',
    intro: 'Alertes levées par les règles d’analyse, les plus récentes en haut ; les nouvelles s’ajoutent en direct.',
    live: 'Suivi en direct',
    filters: {
      label: 'Filtres des événements',
      camera: 'Caméra',
      allCameras: 'Toutes les caméras',
      kind: 'Type',
      allKinds: 'Tous les types',
      withCounts: 'Afficher aussi les comptages',
      withCountsHint: 'Les comptages ne sont pas des alertes : ils sont masqués par défaut.',
      clear: 'Effacer les filtres'
    },
    columns: {
      image: 'Image',
      at: 'Date',
      camera: 'Caméra',
      rule: 'Règle',
      kind: 'Type',
      priority: 'Priorité',
      details: 'Détails',
      actions: 'Actions'
    },
    fresh: 'nouveau',
    empty: 'Aucun événement pour ces filtres.',
    loadFailed: 'Impossible de lire les événements : {{message}}',
    more: 'Plus anciens',
    loadingMore: 'Chargement…',
    start: 'Début du journal atteint.',
    noImage: 'sans image',
    imageLoading: 'Chargement de l’image…',
    imageFailed: 'Image indisponible : {{message}}',
    thumbnailAlt: 'Image de l’événement du {{date}}',
    open: 'Détails',
    openNamed: 'Détails de l’événement du {{date}}',
    unknownCamera: '{{id}} (caméra retirée)',
    notAlert: 'pas une alerte',
    detail: {
      title: '{{kind}} · {{camera}}',
      image: 'Image (masques de confidentialité appliqués)',
      noImage: 'Pas d’image pour cet événement : le comptage ne conserve que des nombres.',
      at: 'Heure de l’image',
      latency: 'Délai de détection',
      latencyValue: '{{value}} s',
      camera: 'Caméra',
      rule: 'Règle',
      module: 'Module',
      priority: 'Priorité',
      tracks: 'Objets suivis',
      model: 'Détecteur',
      modelValue: '{{name}} · seuil {{threshold}} · NMS {{iou}}',
      details: 'Constat',
      parameters: 'Paramètres de la règle',
      close: 'Fermer',
      playback: 'Voir l’enregistrement',
      track: 'n° {{id}}'
    },
    details: {
      class: 'Classe',
      zone: 'Zone',
      direction: 'Sens',
      dwellSeconds: 'Présence (s)',
      unattendedSeconds: 'Sans surveillance (s)',
      changedFraction: 'Part modifiée',
      speedHeightsPerSecond: 'Vitesse (hauteurs/s)',
      baselineHeightsPerSecond: 'Vitesse habituelle (hauteurs/s)',
      tracks: 'Objets',
      level: 'Niveau',
      previousLevel: 'Niveau précédent',
      persons: 'Personnes',
      personsPerM2: 'Personnes/m²',
      in: 'Entrées',
      out: 'Sorties',
      occupancy: 'Présents'
    },
    yes: 'oui',
    no: 'non'
  },
  playback: {
    title: 'Relecture',
    more: 'Lire la suite',
    less: 'Réduire',
    cameras: {
      title: 'Caméras',
      hint: 'Jusqu’à {{count}} caméras, lues ensemble sur la même horloge.',
      full: '{{count}} caméras au plus : décochez-en une pour en choisir une autre.',
      notListed: 'Votre rôle ne donne pas accès à la liste des caméras : celles des réquisitions et des levées de masques sont proposées.',
      empty: 'Aucune caméra à relire.'
    },
    layout: {
      label: 'Disposition',
      option1: '1',
      option2x2: '2×2',
      title1: 'Une caméra (la caméra active)',
      title2x2: 'Quatre caméras'
    },
    tile: {
      label: 'Relecture {{number}} : {{name}}',
      empty: 'Emplacement libre',
      emptyHint: 'Cochez une caméra dans la liste.',
      noRecording: 'Aucun enregistrement',
      loading: 'Chargement…',
      failed: 'erreur inconnue',
      error: 'Lecture impossible : {{message}}',
      masked: 'Masques appliqués',
      maskedTitle: 'Les masques de confidentialité sont incrustés dans l’image.',
      unmasked: 'Masques levés',
      unmaskedUntil: 'Masques levés jusqu’à {{time}}',
      unmaskedTitle: 'Levée de masques autorisée : les zones masquées sont visibles. Chaque visionnage est tracé.',
      active: 'caméra active',
      states: {
        opening: 'ouverture…',
        buffering: 'chargement…',
        playing: 'lecture',
        standing: 'à l’arrêt',
        'no-recording': 'aucun enregistrement',
        error: 'erreur'
      }
    },
    transport: {
      label: 'Commandes de lecture',
      play: 'Lecture',
      pause: 'Pause',
      stepBack: 'Image précédente',
      stepForward: 'Image suivante',
      back10: 'Reculer de 10 secondes',
      forward10: 'Avancer de 10 secondes',
      speed: 'Vitesse de lecture',
      speedOption: '×{{speed}}',
      speedTitle: 'Lecture à vitesse ×{{speed}}',
      time: 'Heure affichée',
      jumpLabel: 'Aller à la date et à l’heure',
      jump: 'Aller',
      jumpInvalid: 'Date ou heure invalide.',
      waiting: 'Chargement des images…',
      liveEdge: 'Fin des enregistrements : la suite se regarde en direct sur le mur d’images.'
    },
    shortcuts: {
      label: 'Raccourcis clavier',
      space: 'Espace',
      shift: 'Maj',
      drag: 'glisser sur la frise',
      playPause: 'lecture / pause',
      frame: 'image par image',
      tenSeconds: '± 10 secondes',
      speed: 'vitesse',
      select: 'sélectionner une période'
    },
    timeline: {
      label: 'Frise chronologique des enregistrements',
      help: 'Cliquez ou faites glisser la tête de lecture : les caméras s’y rendent au relâchement. Maj + glisser sélectionne une période. La molette fait défiler la frise.',
      zoom: 'Échelle de la frise',
      presets: { '1h': '1 h', '6h': '6 h', '24h': '24 h', '7d': '7 jours' },
      earlier: '‹ Plus tôt',
      later: 'Plus tard ›',
      centre: 'Centrer',
      now: 'Maintenant',
      playhead: 'Tête de lecture',
      markIn: 'Début de sélection',
      markOut: 'Fin de sélection',
      selection: 'Du {{from}} au {{to}}',
      selectionHint: 'Maj + glisser sur la frise pour sélectionner une période.',
      clearSelection: 'Effacer',
      noCamera: 'Cochez une ou plusieurs caméras pour voir leurs enregistrements.',
      failed: 'Frise indisponible pour {{name}} : {{message}}',
      recorded: 'Enregistré du {{from}} au {{to}}',
      hold: 'Réquisition {{reference}} : du {{from}} au {{to}}',
      alert: '{{kind}}, {{time}} : aller à ce moment',
      alerts_one: '{{count}} alerte à partir du {{time}} : aller à ce moment',
      alerts_other: '{{count}} alertes à partir du {{time}} : aller à ce moment'
    },
    side: {
      label: 'Réquisitions et levées de masques',
      holds: 'Réquisitions',
      lifts: 'Levées de masques'
    },
    holds: {
      title: 'Réquisitions',
      intro: 'Les périodes placées sous réquisition échappent à la suppression automatique jusqu’à leur levée.',
      place: 'Placer sous réquisition',
      empty: 'Aucune réquisition.',
      loadFailed: 'Impossible de lire les réquisitions : {{message}}',
      inForce: 'en vigueur',
      released: 'levée',
      period: 'Du {{from}} au {{to}}',
      placedBy: 'Placée par {{by}} le {{at}}',
      releasedBy: 'Levée par {{by}} le {{at}}',
      show: 'Voir',
      release: 'Lever',
      dialog: {
        title: 'Placer sous réquisition',
        description: 'La période choisie ne sera pas supprimée avant la levée de la réquisition. L’opération figure au journal d’audit.',
        camera: 'Caméra',
        from: 'Début',
        to: 'Fin',
        reference: 'Référence de la réquisition',
        referencePlaceholder: 'Réquisition n° 2026/1234',
        referenceHint: 'Le numéro de la réquisition judiciaire ou de la procédure.',
        referenceLength: 'La référence doit compter de {{min}} à {{max}} caractères.',
        reason: 'Motif',
        reasonHint: 'Au moins {{count}} caractères : les faits, le service demandeur.',
        reasonLength: 'Le motif doit compter au moins {{count}} caractères.',
        invalidDate: 'Le début et la fin doivent être des dates et heures valides.',
        endBeforeStart: 'La fin doit suivre le début.',
        cancel: 'Annuler',
        submit: 'Placer sous réquisition',
        submitting: 'Enregistrement…'
      },
      releaseDialog: {
        title: 'Lever la réquisition {{reference}}',
        description: '{{camera}} : la période redeviendra soumise à la durée de conservation ordinaire.',
        reason: 'Motif de la levée',
        reasonHint: 'Au moins {{count}} caractères. Il figure au journal d’audit.',
        tooShort: 'Le motif doit compter au moins {{count}} caractères.',
        cancel: 'Annuler',
        submit: 'Lever la réquisition',
        submitting: 'Levée…'
      }
    },
    lifts: {
      title: 'Levées de masques',
      intro:
        'Pour une enquête, les masques de confidentialité d’une caméra peuvent être levés pour une durée limitée : une personne le demande, une autre l’autorise.',
      request: 'Demander une levée',
      empty: 'Aucune demande de levée.',
      loadFailed: 'Impossible de lire les levées de masques : {{message}}',
      states: { pending: 'en attente', active: 'active', expired: 'expirée', ended: 'terminée' },
      activeUntil: 'active jusqu’à {{time}}',
      duration_one: '{{count}} minute',
      duration_other: '{{count}} minutes',
      requestedBy: 'Demandée par {{by}} le {{at}}',
      approvedBy: 'Autorisée par {{by}} le {{at}}',
      approve: 'Autoriser',
      cancel: 'Annuler la demande',
      end: 'Mettre fin',
      ownRequest: 'Vous avez fait cette demande : une autre personne doit l’autoriser.',
      dialog: {
        title: 'Demander une levée de masques',
        description: 'La levée ne prend effet qu’une fois autorisée par une autre personne habilitée, et prend fin d’elle-même.',
        camera: 'Caméra',
        chooseCamera: 'Choisir…',
        cameraId: 'Identifiant de la caméra',
        cameraIdHint: 'Tel qu’il figure sur la réquisition ou dans le journal.',
        cameraMissing: 'Choisissez la caméra.',
        reference: 'Référence',
        referencePlaceholder: 'Réquisition n° 2026/1234',
        referenceLength: 'La référence doit compter de {{min}} à {{max}} caractères.',
        reason: 'Motif',
        reasonHint: 'Au moins {{count}} caractères : ce qui doit être vu, et pourquoi.',
        reasonLength: 'Le motif doit compter au moins {{count}} caractères.',
        minutes: 'Durée (minutes)',
        minutesHint: 'De {{min}} à {{max}} minutes à compter de l’autorisation.',
        minutesRange: 'La durée doit être un nombre entier de minutes, de {{min}} à {{max}}.',
        cancel: 'Annuler',
        submit: 'Demander',
        submitting: 'Envoi…'
      }
    }
  },
  alarm: {
    kinds: {
      'disk-low': 'Disque presque plein',
      'quota-reached': 'Quota d’enregistrement atteint',
      'recorder-failed': 'Enregistreur en échec'
    }
  },
  errors: {
    withCode: '{{message}} ({{code}})',
    unexpected: 'Erreur inattendue : {{message}}'
  }
}

export type Messages = typeof fr
