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
 * « pièce » (one document of a dossier), « référentiel » (a rule pack), « AIPD » (DPIA).
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
  errors: {
    withCode: '{{message}} ({{code}})',
    unexpected: 'Erreur inattendue : {{message}}'
  }
}

export type Messages = typeof fr
